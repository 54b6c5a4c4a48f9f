-- Arithmetic and concat metamethods may yield.
local mt = {__add = function(a, b) return coroutine.yield("add") end,
            __concat = function(a, b) return coroutine.yield("concat") end}
local o = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local x = o + 1
  local s = "a" .. o .. "b"
  return x, s
end)
print(co())
print(co(100))
print(co("S"))
