-- Integer floor division by zero is an error.
print(pcall(function() local a, b = 1, 0 return a // b end))
print(1 // 0.0, -1 // 0.0)
local zero = 0
print(1 // zero)
