-- Unary minus on a non-numeric string.
print(pcall(function() return -"abc" end))
print(pcall(function() return -{} end))
local s = "12x"
print(-s)
