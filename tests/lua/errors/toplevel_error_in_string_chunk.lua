-- An error from a chunk loaded from a string.
local f = load("local a = {}\n\nreturn a.b.c")
f()
