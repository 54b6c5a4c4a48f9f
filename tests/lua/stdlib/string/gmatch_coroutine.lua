-- a gmatch iterator keeps its own state: two iterators interleave, and iteration survives yields
local a = string.gmatch("1 2 3", "%d")
local b = string.gmatch("x y z", "%a")
print(a(), b(), a(), b(), a(), b(), a(), b())
local co = coroutine.wrap(function()
  for w in string.gmatch("alpha beta gamma", "%a+") do coroutine.yield(w) end
  return "done"
end)
print(co(), co(), co(), co())
