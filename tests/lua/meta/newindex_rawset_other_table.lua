-- A __newindex function may store elsewhere and the target stays empty.
local shadow = {}
local t = setmetatable({}, {__newindex = function(_, k, v) rawset(shadow, k, v) end,
                            __index = shadow})
t.a = 1; t.b = 2
print(t.a, t.b, rawget(t, "a"), next(t))
