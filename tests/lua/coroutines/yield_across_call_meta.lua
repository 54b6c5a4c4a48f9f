-- A __call function may yield.
local callable = setmetatable({}, {__call = function(self, x) return coroutine.yield(x) + 1 end})
local co = coroutine.wrap(function() return callable(1) end)
print(co())
print(co(41))
