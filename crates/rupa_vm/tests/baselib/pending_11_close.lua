-- coroutine.wrap closes a coroutine its error killed (pending __close run with the error).
-- A first attempt in corolib.rs (closing from the wrap continuation) hung the executor.
local w = coroutine.wrap(function() local x <close> = setmetatable({}, {__close=function(_, e) print("closed on error", e) end}) error("E") end)
print(pcall(w))
local co = coroutine.create(function() local x <close> = setmetatable({}, {__close=function(_, e) print("closed co", e) end}) error("E2") end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.close(co))
print(coroutine.close(co))
local co2 = coroutine.create(function() local x <close> = setmetatable({}, {__close=function(_, e) print("closed co2", e) end}) coroutine.yield(1) end)
print(coroutine.resume(co2))
print(coroutine.close(co2))
local w3 = coroutine.wrap(function() local x <close> = setmetatable({}, {__close=function(_, e) error("in close") end}) error("E3") end)
print(pcall(w3))
