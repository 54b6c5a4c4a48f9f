local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
V.__eq = function(a, b) return a.x == b.x end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__len = function(a) return a.x end
V.__concat = function(a, b)
  local ax = type(a) == "table" and a.x or a
  local bx = type(b) == "table" and b.x or b
  return "V" .. ax .. "|" .. bx
end
V.__call = function(self, y) return self.x + y end
V.__unm = function(a) return setmetatable({x = -a.x}, V) end
function V.new(x) return setmetatable({x = x}, V) end
function V:double() return self.x * 2 end
local a, b = V.new(1), V.new(2)
print((a + b).x, a == b, a == V.new(1), a < b, a <= b, a > b, #a, a(10), (-a).x)
print(a .. b, a .. "s", "s" .. a, 1 .. a .. 2)
print(a:double())
local log = {}
local proxy = setmetatable({}, {
  __index = function(t, k) return k .. "!" end,
  __newindex = function(t, k, v) rawequal(t, t) log[#log + 1] = k .. "=" .. tostring(v) end,
})
print(proxy.foo, proxy[1])
proxy.a = 1
proxy.b = 2
print(#log, log[1], log[2])
local chain = setmetatable({}, {__index = setmetatable({z = 26}, {__index = {y = 25}})})
print(chain.z, chain.y, chain.w)
local loop = setmetatable({}, {})
getmetatable = nil
local mt = {}
mt.__index = setmetatable({}, mt)
local cyc = setmetatable({}, mt)
print(pcall(function() return cyc.x end))
local called = setmetatable({}, {__call = function(self, a, b) return a, b end})
print(called(1, 2))
local ok, e = pcall(function() local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end}) return t.zz end)
print(ok, e)
