-- Floats with an exact integer value are accepted by bitwise operators.
print(3.0 | 0, 2.0^53 | 0, -1.0 & 0xF, ~0.0, 1.0 << 2.0)
print(pcall(function() return 3.5 | 0 end))
print(pcall(function() return 1 << 1.5 end))
print(pcall(function() return 2^63 | 0 end))
