-- Mixing an integer and a float operand gives a float result.
print(7 // 2.0, 7.0 // 2, 7 % 2.0, 7 + 0.0, 7 * 1.0, 7 - 0.0)
print(1 << 2, pcall(function() return 1 << 2.5 end))
