-- Decimal integer and float numerals.
print(0, 00, 123, 1.5, .5, 5., 3e2, 3E2, 1e-2, 2.5e+3)
print(1 == 1.0, 3e2 == 300, 0.1, 1e308, 1e-300)
