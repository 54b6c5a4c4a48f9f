-- Missing right-hand values become nil.
local a, b, c = 1
print(a, b, c)
local x, y
print(x, y)
g_a, g_b = 10
print(g_a, g_b)
