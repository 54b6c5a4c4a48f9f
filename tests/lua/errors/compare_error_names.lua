-- Comparison errors name the types, not the variables.
local a, b = {}, 1
print(pcall(function() return a < b end))
print(pcall(function() return b <= "x" end))
print(pcall(function() return nil < nil end))
