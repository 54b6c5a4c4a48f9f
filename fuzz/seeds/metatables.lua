local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({ x = a.x + b.x }, V) end
V.__eq = function(a, b) return a.x == b.x end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__len = function(a) return a.x end
V.__call = function(self, y) return self.x + y end
V.__concat = function(a, b) return "V" end
V.__unm = function(a) return setmetatable({ x = -a.x }, V) end
V.__tostring = function(a) return "V(" .. a.x .. ")" end
V.__close = function() end
local p, q = setmetatable({ x = 1 }, V), setmetatable({ x = 2 }, V)
print((p + q).x, p == q, p < q, p <= q, #p, p(10), p .. q, (-p).x, tostring(p))
local proxy = setmetatable({}, { __index = function(t, k) return k .. "!" end,
  __newindex = function(t, k, v) rawset(t, k, v * 2) end })
proxy.a = 21
print(proxy.a, proxy.b, rawget(proxy, "b"), rawlen({ 1, 2 }), rawequal(p, p))
print(getmetatable(setmetatable({}, { __metatable = "locked" })))
do local c <close> = p end
