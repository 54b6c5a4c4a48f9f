-- __index as a table supplies missing keys only.
local base = {a = "base a", b = "base b"}
local t = setmetatable({a = "own a"}, {__index = base})
print(t.a, t.b, t.c, rawget(t, "b"))
