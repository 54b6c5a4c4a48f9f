-- Deep recursion and yields from deep inside a coroutine.
local function down(n)
  if n == 0 then return coroutine.yield("bottom") end
  return 1 + down(n - 1)
end
local co = coroutine.create(function() return down(5000) end)
print(coroutine.resume(co))
print(coroutine.resume(co, 0))
