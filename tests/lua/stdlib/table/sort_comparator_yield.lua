-- a comparator that calls pcall and other functions works
local t = {3, 1, 2}
table.sort(t, function(a, b) local ok, r = pcall(function() return a < b end) return r end)
print(table.concat(t, " "))
local u = {"b", "c", "a"}
table.sort(u, function(a, b) return select(2, pcall(rawlen, a)) * 0 + (a < b and 1 or 0) == 1 end)
print(table.concat(u, " "))
