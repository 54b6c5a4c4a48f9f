-- A closed coroutine is dead.
local co = coroutine.create(function() coroutine.yield(1); print("never") end)
coroutine.resume(co)
print(coroutine.close(co))
print(coroutine.resume(co))
