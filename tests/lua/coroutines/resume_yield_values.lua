-- Values flow both ways between resume and yield.
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b, "y1")
  print("got", c, d)
  local e = coroutine.yield()
  print("got", e)
  return "ret1", "ret2"
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, "c", "d"))
print(coroutine.resume(co, "e", "extra"))
print(coroutine.resume(co))
