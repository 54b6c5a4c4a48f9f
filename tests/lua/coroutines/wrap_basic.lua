-- wrap returns a function that resumes and propagates results.
local gen = coroutine.wrap(function(x)
  local y = coroutine.yield(x * 2)
  local z = coroutine.yield(y + 1)
  return z, "end"
end)
print(gen(5))
print(gen(10))
print(gen("last"))
