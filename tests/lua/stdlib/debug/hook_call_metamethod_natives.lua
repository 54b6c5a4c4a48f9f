-- A call hook on a call that reaches a native through `__call` (the handler is inserted below
-- the arguments): the native still gets every argument, for fixed and open argument counts,
-- tail calls, method calls and chains of `__call`.
local events = 0
local t = setmetatable({}, {__call = table.pack})
local chain = setmetatable({}, {__call = setmetatable({}, {__call = table.pack})})
local obj = {m = t}

local function tail(...) return t(...) end
local function results() return 1, 2, 3 end

debug.sethook(function(ev) events = events + 1 end, "cr")
local a = t("x", "y", "z")
local b = t(results())
local c = tail(4, 5)
local d = chain(1, 2, 3)
local e = obj.m(1, 2)
local f = obj:m(1, 2)
local g = {pcall(t, 1, 2)}
local h = {t(1, nil, nil)}
debug.sethook()
print(a.n, a[4], b.n, c.n, c[3], d.n, d[2] == t, d[5], e.n, f.n, f[2] == obj, g[1], g[2].n, h[1].n)
print(events > 0)
