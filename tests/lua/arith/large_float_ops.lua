-- Overflow and underflow of float operations.
print(1e308 * 10, -1e308 * 10, 1e-308 / 1e100, 2^1024, 2^-1080)
print(1e308 + 1e308 == 1 / 0, (1 / 0) - (1 / 0) ~= (1 / 0) - (1 / 0))
