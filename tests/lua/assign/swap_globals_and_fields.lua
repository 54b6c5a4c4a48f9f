-- Swaps work for globals and table fields too.
g1, g2 = "one", "two"
g1, g2 = g2, g1
print(g1, g2)
local t = {1, 2}
t[1], t[2] = t[2], t[1]
print(t[1], t[2])
