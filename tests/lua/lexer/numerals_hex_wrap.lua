-- Hex integers wrap around modulo 2^64 instead of becoming floats.
print(0xffffffffffffffff, 0x8000000000000000, 0x10000000000000000)
print(0x1ffffffffffffffff, 0xfffffffffffffffffff)
