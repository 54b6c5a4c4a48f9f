-- Integers print in full.
print(0, -1, 1234567890123, 0x7fffffffffffffff, -0x7fffffffffffffff - 1)
print(tostring(-0), tostring(10 // 1), 2^31 // 1, (2^31 // 1) | 0)
