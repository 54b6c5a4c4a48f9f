-- A coroutine that raised an error is dead.
local co = coroutine.create(function() error("inside") end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
