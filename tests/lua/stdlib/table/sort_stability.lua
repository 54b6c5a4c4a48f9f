-- sort is not stable: the exact placement of equal keys follows 5.4's algorithm
local t = {}
for i = 1, 40 do t[i] = {k = i % 3, i = i} end
table.sort(t, function(a, b) return a.k < b.k end)
local r = {}
for i = 1, 40 do r[i] = t[i].k .. "/" .. t[i].i end
print(table.concat(r, " "))
local s = {}
for i = 1, 150 do s[i] = {k = (i * 37) % 5, i = i} end
table.sort(s, function(a, b) return a.k > b.k end)
r = {}
for i = 1, 150 do r[i] = s[i].i end
print(table.concat(r, " "))
