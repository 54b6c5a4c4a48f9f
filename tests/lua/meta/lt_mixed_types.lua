-- __lt is used for a table compared with a number or string.
local t = setmetatable({}, {__lt = function(a, b) return type(a) .. "<" .. type(b) end,
                            __le = function(a, b) return nil end})
print(t < 1, 1 < t, "s" < t, t <= 5, 5 >= t)
