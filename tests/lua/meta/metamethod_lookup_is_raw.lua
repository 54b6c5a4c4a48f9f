-- Metamethods are looked up raw in the metatable (no __index on it).
local mt = setmetatable({}, {__index = {__add = function() return "inherited" end}})
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
mt.__add = function() return "direct" end
print(t + 1)
