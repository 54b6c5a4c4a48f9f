-- An __index function may yield.
local t = setmetatable({}, {__index = function(_, k) return coroutine.yield("need " .. k) end})
local co = coroutine.wrap(function() return "got " .. t.foo end)
print(co())
print(co("FOO"))
