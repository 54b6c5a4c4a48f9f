-- Integer multiplication wraps.
print(0x100000000 * 0x100000000, 0x7fffffff * 0x7fffffff, 3037000500 * 3037000500)
print(-0x7fffffffffffffff * 2, 0x7fffffffffffffff * -1)
