-- and, or, xor, not on integers.
print(5 & 3, 5 | 3, 5 ~ 3, ~5, ~0, ~-1)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ~ 0x0F, -1 & 0xFF)
print(1 | 2 ~ 3 & 4, (1 | 2) ~ 3, 1 << 2 + 1, 1 + 1 << 2)
