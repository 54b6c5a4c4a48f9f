-- Comparisons around 2^53, where floats stop representing every integer.
local i = 1 << 53
local f = 2.0 ^ 53
print(i == f, i + 1 == f, i + 1 > f, i + 1 >= f, f < i + 1)
print(i + 1 == f + 1, f + 1 == f, i - 1 < f, (i + 1) + 0.0 == f)
