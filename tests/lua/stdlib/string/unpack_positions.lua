-- string.unpack: initial positions (negative, at the end) and the returned next position
local data = string.pack("b b b b", 1, 2, 3, 4)
print(string.unpack("b", data, 1))
print(string.unpack("b", data, 4))
print(string.unpack("b", data, -1))
print(string.unpack("b b", data, -2))
print(string.unpack("", data, 5))
print(string.unpack("", data))
print(string.unpack("b", data, -100))
local pos, vals = 1, {}
while pos <= #data do
  local v
  v, pos = string.unpack("b", data, pos)
  vals[#vals + 1] = v
end
print(#vals, vals[1], vals[4], pos)
print(string.unpack("<i2 >i2", "\1\0\0\1"))
print(select("#", string.unpack("bbbb", data)))
