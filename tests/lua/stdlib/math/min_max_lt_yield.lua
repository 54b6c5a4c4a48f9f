-- A `__lt` called by math.max/math.min cannot yield (lua_compare has no continuation).
local mt = {__lt = function() coroutine.yield(1) return true end}
local co = coroutine.wrap(function()
  return pcall(math.max, setmetatable({}, mt), setmetatable({}, mt))
end)
print(co())
co = coroutine.wrap(function()
  return pcall(math.min, setmetatable({}, mt), setmetatable({}, mt))
end)
print(co())
