-- utf8.len counts characters, returns fail and the position of the first invalid byte
local s = "h\u{E9}llo\u{20AC}\u{10348}"
print(utf8.len(s), #s)
print(utf8.len(""), utf8.len("abc"), utf8.len("abc", 2), utf8.len("abc", 4), utf8.len("abc", 1, 0))
print(utf8.len(s, 3), utf8.len(s, -4), utf8.len(s, 1, -5), utf8.len(s, 2, 2))
print(utf8.len("\xff"), utf8.len("ab\x80cd"), utf8.len("a\xC3"), utf8.len("\xC0\x80"))
print(utf8.len("\u{D800}"), utf8.len("\u{D800}", 1, -1, true), utf8.len("\u{110000}"), utf8.len("\u{110000}", 1, -1, true))
print(utf8.len("\u{7FFFFFFF}", 1, -1, true), utf8.len("\u{7FFFFFFF}"))
print(utf8.len("abc", -10 + 8), utf8.len(12345), utf8.len("abc", 3, 2))
