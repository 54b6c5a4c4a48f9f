-- A backslash followed by a real newline inserts a newline.
local s = "a\
b"
print(s, #s)
local t = "a\
\
b"
print(#t)
