-- -0x8000000000000000 is mininteger (the literal wraps, then negation wraps).
print(-0x8000000000000000, 0x8000000000000000 == -0x7fffffffffffffff - 1)
print(-9223372036854775807 - 1, -(-9223372036854775807 - 1))
