-- debug.upvaluejoin on a running function's own upvalue, and on an open upvalue of a suspended coroutine.
-- a running function rebinding its own upvalue, then reading it in the same activation
local x, y = "x", "y"
local function f()
  local before = x
  debug.upvaluejoin(debug.getinfo(1, "f").func, 1, function() return y end, 1)
  return before, x
end
print(f())
print(f(), x, y)
-- inside a coroutine, with an open upvalue of another thread
local co = coroutine.create(function()
  local z = "z"
  local function getz() return z end
  coroutine.yield(getz)
  z = "z2"
  coroutine.yield(getz)
end)
local _, getz = coroutine.resume(co)
local w = "w"
local function getw() return w end
debug.upvaluejoin(getw, 1, getz, 1)
print(getw())
coroutine.resume(co)
print(getw())
w = "w2"
print(getw(), w)
