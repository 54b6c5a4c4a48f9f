-- An error after a yield inside pcall is caught by that pcall.
local co = coroutine.create(function()
  local ok, err = pcall(function()
    coroutine.yield(1)
    error("after yield", 0)
  end)
  coroutine.yield(ok, err)
  return "finished"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
