-- An error after a yield inside a metamethod.
local t = setmetatable({}, {__index = function(_, k) coroutine.yield(k); error("no field " .. k, 0) end})
local co = coroutine.create(function() return t.zzz end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
