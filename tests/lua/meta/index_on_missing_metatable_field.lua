-- A metatable without __index does not affect reads.
local t = setmetatable({a = 1}, {__newindex = function() end})
print(t.a, t.b)
t.c = 3
print(t.c)
