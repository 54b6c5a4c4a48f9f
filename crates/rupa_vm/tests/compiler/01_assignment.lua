-- Multiple assignment: all right-hand sides first, then stores right to left with 5.4's
-- conflict copies.
local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local t, i = {}, 1
t[i], i = i, 2
print(t[1], t[2], i)
local u = {}
u.x, u = 10, 20
print(u)
local v = {}
local w = v
v[1], v = 'first', 'second'
print(w[1], v)
x, y = 1
print(x, y)
local p, q, r = (function() return 1, 2, 3 end)()
print(p, q, r)
local s1, s2 = (function() return 1, 2, 3 end)(), 10
print(s1, s2)
local function three() return 1, 2, 3 end
local m = {three(), three()}
print(#m, m[1], m[2], m[4])
local n = {three(), (three())}
print(#n)
print(select('#', three()), select('#', (three())))
local k = 0
local function inc() k = k + 1 return k end
local o = {}
o[inc()], o[inc()] = inc(), inc()
print(o[1], o[2], k)
