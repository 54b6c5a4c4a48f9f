-- A coroutine that resumed another is in 'normal' state and cannot be resumed.
local a
local b = coroutine.create(function() return coroutine.resume(a) end)
a = coroutine.create(function() return coroutine.resume(b) end)
print(coroutine.resume(a))
