-- table.sort on numbers, strings, mixed int/float, with and without comparators
local function s(t, f) table.sort(t, f) return table.concat(t, " ") end
print(s({5, 2, 8, 1, 9, 3}))
print(s({5, 2, 8, 1, 9, 3}, function(a, b) return a > b end))
print(s({"pear", "apple", "fig", "Banana", "apple2", ""}))
print(s({3, 1.5, 2, -1, 2.25, math.mininteger, math.maxinteger, 1e300, -1/0, 1/0}))
print(s({}))
print(s({1}))
print(s({2, 1}))
print(s({3, 2, 1}))
print(s({1, 1, 1, 1}))
print(s({4, 3, 2, 1}, nil))
