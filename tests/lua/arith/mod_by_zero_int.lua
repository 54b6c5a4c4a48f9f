-- Integer modulo by zero is an error.
print(pcall(function() return 1 % 0 end))
local z = 0
print(1 % 0.0 ~= 1 % 0.0)
print(5 % z)
