local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))
print(coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
local co2 = coroutine.create(function() error("oops") end)
print(coroutine.resume(co2))
print(coroutine.status(co2))
local co3 = coroutine.create(function() error({code = 1}) end)
local ok, e = coroutine.resume(co3)
print(ok, type(e), e.code)
-- yield across pcall
local co4 = coroutine.create(function()
  local ok, v = pcall(function() local x = coroutine.yield(1) error("after " .. x) end)
  coroutine.yield(v)
  return "done"
end)
print(coroutine.resume(co4))
print(coroutine.resume(co4, "resume"))
print(coroutine.resume(co4))
print(coroutine.resume(co4))
-- yield across metamethods and iterators
local mt = {__index = function(t, k) return coroutine.yield(k) end,
            __add = function(a, b) return coroutine.yield("add") end,
            __lt = function(a, b) return coroutine.yield("lt") end,
            __concat = function(a, b) return coroutine.yield("cat") end}
local co5 = coroutine.wrap(function()
  local o = setmetatable({}, mt)
  local v = o.key
  local s = o + 1
  local c = o .. "x"
  local l = o < o
  return v, s, c, l
end)
print(co5())
print(co5("V"))
print(co5("S"))
print(co5("C"))
print(co5(true))
local function iter() return coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i, i * i) end end) end
for i, sq in iter() do print(i, sq) end
print(pcall(coroutine.yield, 1))
print(coroutine.resume(coroutine.create(function() return coroutine.resume(coroutine.running and co or co) end)))
local self
self = coroutine.create(function() return coroutine.resume(self) end)
print(coroutine.resume(self))
local w = coroutine.wrap(function() error("in wrap") end)
print(pcall(w))
