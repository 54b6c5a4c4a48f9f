-- pairs returns next, the table and nil.
local t = {}
local f, s, c = pairs(t)
print(f == next, s == t, c)
