-- inf and -inf in tostring and concatenation.
local inf = 1 / 0
print(inf, -inf, tostring(inf), inf .. "", -inf .. "x")
print(inf == inf, -inf < inf, inf > 0x7fffffffffffffff)
