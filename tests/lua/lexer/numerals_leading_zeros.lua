-- Leading zeros are decimal, not octal.
print(007, 010, 0.0e0, 00.5, 0x0010)
print(08 + 1, 09.5)
