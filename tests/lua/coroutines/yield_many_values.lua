-- Yield and resume with many values and nils.
local co = coroutine.create(function(...)
  local n = select("#", ...)
  local r = {coroutine.yield(n, ...)}
  return #r, select("#", coroutine.yield(nil, nil))
end)
print(coroutine.resume(co, 1, nil, 3, nil))
print(coroutine.resume(co, "a", "b"))
print(coroutine.resume(co, nil, nil, nil))
