-- rawequal compares without __eq.
local t = {}
local u = setmetatable({}, {__eq = function() return true end})
local v = setmetatable({}, getmetatable(u))
print(rawequal(t, t), rawequal(t, {}), rawequal(u, v), u == v)
print(rawequal(1, 1.0), rawequal("a", "a"), rawequal(nil, nil), rawequal(1, "1"))
print(pcall(rawequal, 1))
