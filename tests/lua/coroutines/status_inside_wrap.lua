-- running/status from inside a wrapped coroutine.
local f = coroutine.wrap(function()
  local co = coroutine.running()
  print(coroutine.status(co))
  coroutine.yield()
end)
f()
print("main")
