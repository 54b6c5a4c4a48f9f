-- utf8.offset: byte position of the n-th character, counting from i
local s = "a\u{E9}b\u{20AC}c"
local r = {}
for n = -6, 6 do r[#r + 1] = tostring(utf8.offset(s, n)) end
print(table.concat(r, " "))
r = {}
for i = 1, #s + 1 do r[#r + 1] = tostring(utf8.offset(s, 0, i)) end
print(table.concat(r, " "))
print(utf8.offset(s, 1, 2), utf8.offset(s, 2, 2), utf8.offset(s, -1, 4), utf8.offset(s, 1, -1))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1), utf8.offset("", 2))
print(utf8.offset("abc", 1, 4), utf8.offset("abc", 2, 4), utf8.offset("abc", -1, 4), utf8.offset("abc", -3))
print(utf8.offset("\x80\x80", 0, 2), utf8.offset("\x80\x80", -1, 3))
