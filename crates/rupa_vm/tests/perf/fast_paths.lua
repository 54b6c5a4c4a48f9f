-- Fast paths of the interpreter must give the results of the general paths.
-- Mixed integer/float arithmetic, float pow/idiv/mod, integer bitwise operators.
local i, f = 7, 2.5
print(i + f, f + i, i - f, f - i, i * f, f * i, i / 2, 7.0 / 2, i / f)
print(i % f, f % i, -i % f, i % -f, 7.5 // 2, 7 // 2.0, -7 // 2.0, 7 // 0.0, -7 // 0.0)
print(2 ^ 10, 2.0 ^ 0.5, i ^ 2, f ^ 2, 8 ^ (1 / 3), 0 ^ 0)
print(i & 3, i | 8, i ~ 5, i << 2, i >> 1, 1 << 64, -1 >> 1, 3.0 & 1, pcall(function() return "3" | 0 end))
print(1 + 0.0, pcall(function() return {} + 1 end))
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
-- Fields through chains of __index tables, __index functions and __newindex.
local Base = { kind = "base" }
Base.__index = Base
function Base.hello(self) return "hello from " .. self.kind end
local Mid = setmetatable({ mid = true }, Base)
Mid.__index = Mid
local obj = setmetatable({ kind = "obj" }, Mid)
print(obj:hello(), obj.mid, obj.kind, obj.missing, rawequal(obj.hello, Base.hello))
local calls = 0
local Lazy = setmetatable({}, { __index = function(t, k) calls = calls + 1; return k .. "!" end })
local child = setmetatable({}, { __index = Lazy })
print(child.a, child.b, calls)
local log = {}
local guarded = setmetatable({ present = 1 }, {
  __newindex = function(t, k, v) log[#log + 1] = k end,
})
guarded.present = 2
guarded.absent = 3
print(guarded.present, guarded.absent, #log, log[1])
-- A metatable that gains __newindex after use (the absent-metamethod cache must notice).
local mt = {}
local t = setmetatable({}, mt)
t.x = 1
mt.__newindex = function(tt, k, v) log[#log + 1] = "late " .. k end
t.y = 2
print(t.x, t.y, log[#log])
-- Removing and re-adding fields.
local r = { a = 1, b = 2 }
r.a = nil
print(r.a, r.b)
r.a = 3
print(r.a, r.b)
-- Globals.
g_value = 10
g_value = g_value + 1
print(g_value)
-- Deep recursion and calls with missing or extra arguments.
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function three(a, b, c) return a, b, c end
print(three(1), three(1, 2, 3, 4))
print(select("#", three()))
