-- A coroutine cannot resume itself.
local co
co = coroutine.create(function()
  print(coroutine.resume(co))
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(coroutine.running()))
