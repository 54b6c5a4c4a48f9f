-- the invalid order error carries the caller's position
local t = {}
for i = 1, 10 do t[i] = i end
table.sort(t, function(a, b) return true end)
