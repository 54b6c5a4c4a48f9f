-- Ordering tables without metamethods.
local a = setmetatable({}, {__name = "Thing"})
print(pcall(function() return a < a end))
print(pcall(function() return a <= 1 end))
print(pcall(function() return {} < {} end))
print(1 < a)
