-- setmetatable returns its first argument; nil removes the metatable.
local t = {}
local mt = {}
print(setmetatable(t, mt) == t, getmetatable(t) == mt)
setmetatable(t, nil)
print(getmetatable(t))
