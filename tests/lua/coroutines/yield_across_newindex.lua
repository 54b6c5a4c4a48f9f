-- A __newindex function may yield.
local store = {}
local t = setmetatable({}, {__newindex = function(_, k, v) coroutine.yield("setting " .. k); rawset(store, k, v) end})
local co = coroutine.wrap(function() t.x = 10; return "stored " .. store.x end)
print(co())
print(co())
