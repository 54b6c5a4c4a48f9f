-- Newline sequences inside long strings are normalised to \n.
local s = load("return [[a\r\nb\n\rc\rd]]")()
print(#s, s == "a\nb\nc\nd")
local t = load("return [[\r\nx]]")()
print(#t, t)
