-- table.move with overlapping ranges in both directions and negative indices
local function show(t, a, b) local r = {} for i = a, b do r[#r + 1] = tostring(t[i]) end return table.concat(r, ",") end
local t = {1, 2, 3, 4, 5, 6, 7, 8}
table.move(t, 1, 5, 3)
print(show(t, 1, 8))
t = {1, 2, 3, 4, 5, 6, 7, 8}
table.move(t, 3, 8, 1)
print(show(t, 1, 8))
t = {1, 2, 3}
table.move(t, 1, 3, -1)
print(show(t, -1, 3))
t = {[-2] = "a", [-1] = "b", [0] = "c"}
table.move(t, -2, 0, 1)
print(show(t, -2, 3))
print(show(table.move({1, 2, 3}, 1, 3, 1, {}), 1, 3))
