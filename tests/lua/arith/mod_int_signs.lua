-- Integer modulo takes the sign of the divisor.
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(6 % 3, -6 % 3, 6 % -3, 0 % 3, 0 % -3)
print(1 % 1, 5 % 7, -5 % 7, 5 % -7)
