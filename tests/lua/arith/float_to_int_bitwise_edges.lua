-- Floats at the integer range edges in bitwise operations.
print(-2^63 | 0, (2^53) | 0, (-2^53) | 0)
print(pcall(function() return 2^63 | 0 end))
print(pcall(function() return (1 / 0) | 0 end))
print(pcall(function() return (0 / 0) | 0 end))
