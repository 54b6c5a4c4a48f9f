-- Shifts by 64 or more give 0; negative shifts go the other way.
print(1 << 64, 1 << 100, -1 << 64, -1 >> 64, 1 >> 64)
print(1 << -1, 2 << -1, 8 >> -2, 1 >> -63, 1 >> -64)
local mini = -0x7fffffffffffffff - 1
print(1 << mini, -1 >> mini, 1 << 0x7fffffffffffffff)
