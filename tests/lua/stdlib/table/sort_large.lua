-- table.sort on bigger arrays: checks sortedness and the exact permutation with ties
local function lcg(seed) local x = seed return function() x = (x * 1103515245 + 12345) % 2147483648 return x end end
local r = lcg(42)
local t = {}
for i = 1, 2000 do t[i] = r() % 1000 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i-1] > t[i] then ok = false end end
print(ok, t[1], t[1000], t[2000])
-- ties with a comparator looking at one field: the final order shows the algorithm
local recs = {}
for i = 1, 300 do recs[i] = {k = r() % 7, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
local ids = {}
for i = 1, 300 do ids[i] = recs[i].id end
print(table.concat(ids, ",", 1, 60))
print(table.concat(ids, ",", 241, 300))
local strs = {}
for i = 1, 500 do strs[i] = tostring(r() % 10000) end
table.sort(strs, function(a, b) return #a < #b end)
print(table.concat(strs, ",", 1, 40))
