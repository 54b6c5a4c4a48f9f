-- Float modulo takes the sign of the divisor.
print(7.0 % 3, -7.0 % 3, 7 % -3.0, -7.5 % -2)
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(6.0 % 3, -6.0 % 3, 6.0 % -3, 0.0 % -1)
