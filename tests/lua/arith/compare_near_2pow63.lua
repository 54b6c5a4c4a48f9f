-- Comparisons around 2^63, outside the integer range.
local maxi, mini = 0x7fffffffffffffff, -0x7fffffffffffffff - 1
local f = 2.0 ^ 63
print(maxi == f, maxi < f, maxi <= f, maxi + 0.0 == f, maxi > f)
print(mini == -f, mini <= -f, mini < -f, mini > -f - 1e5)
print(maxi < 1 / 0, mini > -1 / 0, f > maxi, -f <= mini)
