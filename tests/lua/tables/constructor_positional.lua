-- Positional fields get consecutive integer keys from 1.
local t = {"a", "b", "c"}
print(t[1], t[2], t[3], t[4], #t)
local u = {[1] = "x", "y"}
print(u[1])
