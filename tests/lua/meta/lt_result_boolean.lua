-- The results of __lt and __le become booleans.
local t = setmetatable({}, {__lt = function() return 0 end, __le = function() return false end})
print(t < t, t <= t, t > t, t >= t)
