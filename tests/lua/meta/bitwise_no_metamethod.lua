-- Bitwise operators on tables without metamethods.
local t = setmetatable({}, {__name = "Bits"})
print(pcall(function() return t & 1 end))
print(pcall(function() return ~t end))
local plain = {}
print(plain << 1)
