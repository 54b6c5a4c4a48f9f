-- __index as a function receives the table and the key.
local t = setmetatable({}, {__index = function(self, k) return k .. "!" end})
print(t.x, t.hello, rawget(t, "x"))
local got
local u = setmetatable({}, {__index = function(self, k) got = self; return nil end})
print(u.y, got == u)
