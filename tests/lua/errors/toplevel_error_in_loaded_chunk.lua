-- An error from a loaded chunk carries that chunk's name.
local f = load("local x = 1\nreturn x + nil", "=mychunk")
f()
