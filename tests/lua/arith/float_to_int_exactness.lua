-- Floats with integral values compare equal to integers; others do not.
print(3.0 == 3, 3.5 == 3, 2^53 == (1 << 53), 1e308 == 1e308)
print(0.5 + 0.5 == 1, 0.1 * 3 == 0.3, 1 / 3 * 3 == 1)
