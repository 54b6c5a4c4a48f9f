-- utf8.codepoint over ranges, negative positions and lax mode
local s = "h\u{E9}llo\u{20AC}\u{10348}"
print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2))
print(utf8.codepoint(s, -4))
print(utf8.codepoint(s, 4, 3))
print(select('#', utf8.codepoint(s, 4, 3)))
print(utf8.codepoint("abc", -1), utf8.codepoint("abc", -3, -2))
print(utf8.codepoint("\u{D800}", 1, 1, true), utf8.codepoint("\u{7FFFFFFF}", 1, 1, true))
print(utf8.codepoint("", 1, 0))
print(utf8.codepoint(123, 2))
print(utf8.codepoint("a\u{100}", 1, 2))
