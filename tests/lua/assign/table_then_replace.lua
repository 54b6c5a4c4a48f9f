-- Replacing a table variable in the same assignment does not affect the target.
local a = {}
local b = a
a, a.x = {}, "set"
print(a.x, b.x)
