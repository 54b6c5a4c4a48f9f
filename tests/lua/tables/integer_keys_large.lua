-- Very large and negative integer keys live in the hash part.
local t = {}
t[0x7fffffffffffffff] = "max"
t[-0x7fffffffffffffff - 1] = "min"
t[0] = "zero"
t[-1] = "neg"
print(t[0x7fffffffffffffff], t[-0x7fffffffffffffff - 1], t[0], t[-1], #t)
