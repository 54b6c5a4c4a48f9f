-- what, source and short_src for main chunks, functions, C functions and loaded strings.
local function S(f) local i = debug.getinfo(f, "S") return i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined end
print(S(1))
print(S(print))
print(S(function() end))
print(S(load("return 1")))
print(S(load("return 1", "=custom")))
print(S(load("return 1", "@file.lua")))
print(S(load("\n\nreturn function() end")()))
print(S(load("local x = 1\nreturn x", "a very long chunk name that will certainly be truncated somewhere around here ok")))
print(S(load("x = 1\ny = 2\n")))
local i = load("return debug.getinfo(1, 'S')")()
print(i.what, i.source, i.short_src)
