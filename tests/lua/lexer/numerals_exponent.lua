-- Exponents always make floats.
print(1e0, 1e1, 10e-1, 1e+0, 0e0, 1e2 == 100)
print(2E3, 5e-1, 1e400, -1e400)
