-- Shifts on integers are logical (no sign extension).
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 3 << 4)
print(256 >> 4, -1 >> 1, -1 >> 63, -1 >> 60, (1 << 63) >> 63)
