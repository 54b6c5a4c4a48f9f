-- error levels inside a coroutine.
local function check(x) if not x then error("check failed", 2) end end
local co = coroutine.create(function()
  check(false)
end)
print(coroutine.resume(co))
