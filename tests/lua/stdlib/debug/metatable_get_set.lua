-- debug.getmetatable ignores __metatable; debug.setmetatable works on protected tables.
local mt = {__metatable = "locked", __index = {k = "v"}}
local t = setmetatable({}, mt)
print(getmetatable(t))
print(debug.getmetatable(t) == mt)
print(pcall(setmetatable, t, {}))
local mt2 = {__index = {k = "new"}}
print(debug.setmetatable(t, mt2) == t)
print(t.k, getmetatable(t) == mt2)
print(debug.setmetatable(t, nil) == t, getmetatable(t), t.k)
print(debug.getmetatable({}), debug.getmetatable(1), debug.getmetatable(nil))
print(debug.getmetatable(print), debug.getmetatable(true))
print(pcall(debug.getmetatable))
print(pcall(debug.setmetatable, {}, 1))
print(pcall(debug.setmetatable, {}, "x"))
print(pcall(debug.setmetatable, {}))
print(select("#", debug.setmetatable({}, nil)))
