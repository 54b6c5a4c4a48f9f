-- Errors inside a wrapped coroutine propagate to the caller.
local f = coroutine.wrap(function() error("wrapped failure") end)
print(pcall(f))
local g = coroutine.wrap(function() error({code = 1}) end)
local ok, e = pcall(g)
print(ok, type(e), e.code)
