-- Exponentiation always yields a float.
print(2^2, 2^0, 2^-1, 0^0, (-2)^2, (-2)^3)
print(2^63, 2^64, 10^2 == 100, 4^0.5, 2^0.5 * 2^0.5 == 2)
print(2^3^2, -2^2, (-2)^2)
