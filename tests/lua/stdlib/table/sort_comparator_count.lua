-- number and order of comparator calls match 5.4's algorithm
local calls = {}
local t = {9, 4, 7, 1, 8, 2, 6, 3, 5, 0}
table.sort(t, function(a, b) calls[#calls+1] = a .. "<" .. b; return a < b end)
print(#calls)
print(table.concat(calls, " "))
print(table.concat(t, " "))
