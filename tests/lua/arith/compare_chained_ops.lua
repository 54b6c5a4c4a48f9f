-- Comparison results are booleans; comparisons do not chain numerically.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 ~= 1, 1 == 1)
print(pcall(function() return 1 < 2 < 3 end))
