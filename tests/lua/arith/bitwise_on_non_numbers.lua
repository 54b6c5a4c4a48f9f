-- Bitwise operators on tables, booleans and nil.
print(pcall(function() return {} | 1 end))
print(pcall(function() local b = true return 1 & b end))
print(pcall(function() return ~nil end))
local t = {}
print(t.x >> 1)
