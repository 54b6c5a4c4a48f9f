-- pack/unpack round trips with holes and many values
local function f(...) local t = table.pack(...) return table.unpack(t, 1, t.n) end
print(f())
print(f(nil))
print(f(1, nil, 3, nil, nil))
print(select('#', f(1, nil, 3, nil, nil)))
local big = {}
for i = 1, 250 do big[i] = i end
print(select('#', table.unpack(big)), select(250, table.unpack(big)))
local t = table.pack(table.unpack({1, 2, 3}, 1, 5))
print(t.n, t[1], t[5])
