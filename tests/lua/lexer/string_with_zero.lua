-- Strings may contain embedded zeros.
local s = "a\0b"
print(#s, s == "a\0b", s ~= "a")
print(#"\0\0\0")
