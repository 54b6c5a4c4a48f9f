-- Breaking out of a generator loop leaves the coroutine suspended.
local gen = coroutine.wrap(function() for i = 1, 10 do coroutine.yield(i) end return nil end)
for v in gen do if v == 3 then break end print(v) end
print(gen())
