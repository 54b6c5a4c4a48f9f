-- Closing a coroutine in 'normal' state is an error.
local outer
local inner = coroutine.create(function() return coroutine.close(outer) end)
outer = coroutine.create(function() return coroutine.resume(inner) end)
print(coroutine.resume(outer))
