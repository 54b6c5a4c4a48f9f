-- __newindex as a function receives table, key and value.
local log = {}
local t = setmetatable({}, {__newindex = function(self, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
t.a = 1
t.b = nil
t[1] = true
print(log[1], log[2], log[3], rawget(t, "a"))
