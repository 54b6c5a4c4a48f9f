-- Yielding inside xpcall; the handler still runs for later errors.
local co = coroutine.create(function()
  return xpcall(function()
    local v = coroutine.yield("y")
    error("bad " .. v, 0)
  end, function(m) return "handled: " .. m end)
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "value"))
