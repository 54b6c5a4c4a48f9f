-- Non-integer keys do not affect '#'.
local t = {1, 2, 3, x = 1, y = 2, [0] = 0, [-1] = -1, [1.5] = 1.5}
print(#t)
