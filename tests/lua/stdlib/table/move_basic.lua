-- table.move within a table (both directions) and to another table
local function show(t, n) local r = {} for i = 1, n do r[i] = tostring(t[i]) end return table.concat(r, ",") end
local t = {1, 2, 3, 4, 5}
print(show(table.move(t, 1, 3, 2), 5))
t = {1, 2, 3, 4, 5}
print(show(table.move(t, 2, 5, 1), 5))
t = {1, 2, 3}
local u = table.move(t, 1, 3, 3, {})
print(show(u, 5))
print(table.move(t, 1, 0, 1) == t)
local dst = {}
print(table.move(t, 1, 3, 1, dst) == dst)
t = {1, 2, 3}
print(show(table.move(t, 1, 3, 1), 3))
print(show(table.move({1, 2, 3}, -1, 1, 1), 3))
print(show(table.move({[0]=0, 1, 2}, 0, 2, 1, {}), 3))
