local t = { 1, 2, 3, [10] = 10, x = "x", ["y z"] = true, [1.5] = "f", [2^53] = "big" }
t[#t + 1] = 4
t.x = nil
local keys = 0
for k in pairs(t) do keys = keys + 1 end
print(#t, keys, t[2.0], t[1.5], next({}), type(next(t)))
local big = {}
for i = 1, 1000 do big[i] = i end
for i = 1, 1000, 2 do big[i] = nil end
for i = 1, 100 do big["k" .. i] = i end
print(#big >= 0, big[1000], big.k50)
local nested = { { { { {} } } } }
print(nested[1][1][1][1] ~= nil, t[nil ~= nil])
