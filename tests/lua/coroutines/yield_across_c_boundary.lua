-- Yielding through a __tostring called by tostring is not allowed.
local t = setmetatable({}, {__tostring = function() coroutine.yield("nope") return "x" end})
local co = coroutine.create(function() return tostring(t) end)
print(coroutine.resume(co))
