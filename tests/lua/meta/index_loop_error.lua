-- An __index loop is detected.
local t = {}
t.__index = t
setmetatable(t, t)
print(pcall(function() return t.missing end))
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
print(a.x)
