-- string.pack alignment: '!', 'x', 'X', and packsize of aligned formats
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("!4 b i4", 1, 2)))
print(hex(string.pack("!8 b d", 1, 0)))
print(hex(string.pack("!2 b i8", 1, 2)))
print(hex(string.pack("b x h", 1, 2)))
print(hex(string.pack("!4 b Xi4 b", 1, 2)))
print(hex(string.pack("! b j", 1, 2)))
print(string.packsize("!4 b i4"), string.packsize("!8 b d"), string.packsize("b x h"), string.packsize("!4 b Xi4"))
print(string.packsize("i4 i8 !8 i2 i8"), string.packsize(""), string.packsize("c100"), string.packsize("<>=! "))
print(string.unpack("!4 b i4", string.pack("!4 b i4", 7, 9)))
print(string.unpack("!4 b Xi4 b", string.pack("!4 b Xi4 b", 1, 2)))
print(string.unpack("b x b", "\1\0\2"))
print(hex(string.pack("!4 i3 i4", 1, 2)))
