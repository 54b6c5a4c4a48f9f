-- coroutine.running from a function called inside a coroutine.
local function who() local co, main = coroutine.running() return main end
print(who())
local co = coroutine.create(function() return who() end)
print(coroutine.resume(co))
