-- An error in a nested coroutine is returned by the inner resume only.
local inner = coroutine.create(function() error("deep error") end)
local outer = coroutine.create(function()
  local ok, err = coroutine.resume(inner)
  coroutine.yield(ok, err)
  return "outer continues"
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
