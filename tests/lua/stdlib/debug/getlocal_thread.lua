-- getlocal/setlocal on a suspended coroutine.
local co = coroutine.create(function(a, b)
  local c = a + b
  local r = coroutine.yield(c)
  return a, b, c, r
end)
coroutine.resume(co, 1, 2)
for i = 1, 5 do print(i, debug.getlocal(co, 1, i)) end
print(debug.setlocal(co, 1, 1, 100))
print(debug.setlocal(co, 1, 3, 300))
print(debug.setlocal(co, 1, 9, 0))
print(coroutine.resume(co, "resumed"))
print(pcall(debug.getlocal, co, 5, 1))
print(pcall(debug.setlocal, co, 5, 1, 1))
