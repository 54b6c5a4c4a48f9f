-- Modulo by infinity keeps or replaces the dividend depending on signs.
local inf = 1 / 0
print(5 % inf, -5 % inf, 5 % -inf, -5 % -inf, 0 % inf)
print(inf % 2 ~= inf % 2, 5.5 % inf)
