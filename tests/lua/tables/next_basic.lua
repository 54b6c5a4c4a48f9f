-- next on empty tables and through arrays in order.
print(next({}))
local t = {10, 20, 30}
local k, v = next(t)
print(k, v)
k, v = next(t, k)
print(k, v)
print(next(t, 3))
