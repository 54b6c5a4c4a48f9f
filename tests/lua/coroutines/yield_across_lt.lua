-- __lt and __le functions may yield; the result is still a boolean.
local mt = {__lt = function(a, b) return coroutine.yield("lt?") end,
            __le = function(a, b) return coroutine.yield("le?") end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r1 = a < b
  local r2 = a <= b
  local r3 = a > b
  return r1, r2, r3
end)
print(co())
print(co(1))
print(co(nil))
print(co("x"))
