-- Integer arithmetic wraps around modulo 2^64.
local maxi, mini = 0x7fffffffffffffff, -0x7fffffffffffffff - 1
print(maxi + 1 == mini, mini - 1 == maxi, maxi * 2, mini * -1)
print(-mini == mini, maxi + maxi, mini + mini, maxi * maxi)
