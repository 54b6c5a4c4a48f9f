-- integer division/modulo by zero with string operands: raised inside the string metamethod (no position)
local a, b = "3", "0"
print(pcall(function() return a // b end))
print(pcall(function() return a % 0 end))
print(pcall(function() return 3 // b end))
print(pcall(function() return 3 // 0 end))
print(pcall(function() return a / b end))
print(pcall(function() return "3.0" // "0" end))
x = "1" // "0"
