-- 5.4 does not fall back to 'not (b < a)' for '<='.
local mt = {__lt = function(a, b) return true end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a < b, a > b)
print(pcall(function() return a <= b end))
print(a >= b)
