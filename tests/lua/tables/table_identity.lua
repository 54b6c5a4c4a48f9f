-- Tables are compared by identity.
local a, b = {}, {}
print(a == b, a == a, a ~= b)
local c = a
c.x = 1
print(a.x)
