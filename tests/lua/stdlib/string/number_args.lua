-- numbers are accepted wherever a string is expected (converted as tostring does)
print(string.len(3.0), string.upper(1e20), string.reverse(-12), string.rep(1, 3))
print(string.find(3.25, ".", 1, true), string.match(100, "0+"), string.gsub(1.5, "%.", ","))
print(string.byte(0), string.sub(-0.0, 1), string.format(12.5))
print(string.format("%s", 2^63), string.format("%s", -2^63), string.format("%s", 1e300 * 10))
print(string.pack("z", 42) == "42\0", string.unpack("z", 42 .. "\0"))
print(string.gsub("x", "x", 7), string.gsub("x", "x", 0.5))
local seen = ""
for w in string.gmatch(12321, "2") do seen = seen .. w end
print(seen)
