-- Passing and returning thousands of values through varargs.
local function pack(...) return {n = select("#", ...), ...} end
local function unpackn(t, i) i = i or 1; if i <= t.n then return t[i], unpackn(t, i + 1) end end
local t = {}
for i = 1, 5000 do t[i] = i end
t.n = 5000
local p = pack(unpackn(t))
print(p.n, p[1], p[5000])
