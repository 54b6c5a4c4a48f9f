-- Integer and float subtypes show in tostring.
print(1, 1.0, 3 / 2, 4 / 2, 7 // 2, 7.0 // 2, 2^2, 10 % 3, 10.0 % 3)
print(1 == 1.0, tostring(1) == tostring(1.0), 1 + 0.0, 3 * 1.0, 5 - 5.0)
