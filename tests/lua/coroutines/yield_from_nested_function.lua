-- A yield from a function called (not tail-called) by the coroutine body.
local function helper(x)
  local r = coroutine.yield(x)
  return r .. "!"
end
local co = coroutine.create(function()
  local a = helper("first")
  local b = helper("second")
  return a .. b
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "A"))
print(coroutine.resume(co, "B"))
