-- close on fresh, dead and errored coroutines; running ones cannot be closed.
print(coroutine.close(coroutine.create(function() end)))
local dead = coroutine.create(function() end)
coroutine.resume(dead)
print(coroutine.close(dead))
local failed = coroutine.create(function() error("E", 0) end)
coroutine.resume(failed)
print(coroutine.close(failed))
local co
co = coroutine.create(function() return pcall(coroutine.close, co) end)
print(coroutine.resume(co))
print(pcall(coroutine.close, coroutine.running()))
