-- __eq may yield.
local mt = {__eq = function() return coroutine.yield("eq?") end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function() return a == b, a ~= b end)
print(co())
print(co(true))
print(co(false))
