-- Hex integer numerals, either case.
print(0x10, 0XfF, 0xA, 0x0, 0x7fffffffffffffff)
print(0x00000000000000000001, 0xDEADbeef)
