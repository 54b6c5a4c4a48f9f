local co = coroutine and coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
if co then
  print(coroutine.resume(co, 1, 2))
  print(coroutine.resume(co, 10))
  print(coroutine.resume(co, 3, 4))
  print(coroutine.resume(co))
end
print(type(co))
