-- '#' on tables whose border is unique.
local t = {nil}
print(#t)
local u = {n = 1, 1, 2}
print(#u)
local v = {}
v[1] = 1; v[2] = 2; v[3] = 3
v[3] = nil
print(#v)
v[2] = nil; v[1] = nil
print(#v)
