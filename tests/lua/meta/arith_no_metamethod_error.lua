-- Arithmetic on a table without the metamethod.
local t = setmetatable({}, {__add = function() return 0 end})
print(t + 1)
print(pcall(function() return t - 1 end))
print(t * 2)
