-- Assignments to fields with __newindex happen for each target.
local log = {}
local t = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end})
t.a, t.b, t.c = 1, 2
print(t.a, t.b, t.c)
local r = {}
for i, s in ipairs(log) do r[i] = s end
print(#r)
local seen = {}
for _, s in ipairs(log) do seen[s] = true end
print(seen["a=1"], seen["b=2"], seen["c=nil"])
