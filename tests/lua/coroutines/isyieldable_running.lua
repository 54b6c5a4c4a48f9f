-- isyieldable and running in the main thread and in a coroutine.
print(coroutine.isyieldable())
local main, ismain = coroutine.running()
print(type(main), ismain)
local co
co = coroutine.create(function()
  local me, flag = coroutine.running()
  print(coroutine.isyieldable(), me == co, flag)
end)
coroutine.resume(co)
print(coroutine.isyieldable(co))
