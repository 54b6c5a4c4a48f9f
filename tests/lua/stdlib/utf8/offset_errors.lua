-- utf8.offset errors
local s = "a\u{E9}b"
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, -1, 3))
print(pcall(utf8.offset, s, 1, 0))
print(pcall(utf8.offset, s, 1, 6))
print(pcall(utf8.offset, s, 1, -6))
print(pcall(utf8.offset, s))
print(pcall(utf8.offset, s, "x"))
print(pcall(utf8.offset, nil, 1))
print(pcall(utf8.offset, s, 1, 1.5))
local ok, e = pcall(function() local r = utf8.offset(s, 1, 3) return r end)
print(e)
