-- A local declaration's initialiser sees the outer variable.
local x = 10
local x = x + 1
print(x)
local y, z = 1, 2
local z, y = y, z
print(y, z)
