-- Many targets in one statement.
local a, b, c, d, e, f, g, h = 1, 2, 3, 4, 5, 6, 7, 8
a, b, c, d, e, f, g, h = h, g, f, e, d, c, b, a
print(a, b, c, d, e, f, g, h)
