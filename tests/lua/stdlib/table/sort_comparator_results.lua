-- comparator results are taken by truthiness; extra results and no results work
local t = {3, 1, 2, 5, 4}
table.sort(t, function(a, b) if a < b then return 1 else return nil end end)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b, "extra", "values" end)
print(table.concat(t, " "))
local n = 0
t = {1, 2, 3}
table.sort(t, function(a, b) n = n + 1 end)
print(table.concat(t, " "), n)
t = {"b", "a", "c"}
table.sort(t, function(a, b) return a < b and 0 or false end)
print(table.concat(t, " "))
