-- Integer and float comparisons are exact.
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -0.0 == 0, 0.0 == -0.0, 3 <= 3.0)
print(1 < 0 / 0, 1 > 0 / 0, 1 == 0 / 0, 1 ~= 0 / 0)
print(1 < 1 / 0, -1 / 0 < -0x7fffffffffffffff - 1)
