-- Numbers reaching __concat are not converted to strings.
local t = setmetatable({}, {__concat = function(a, b) return type(a) .. "," .. type(b) end})
print(1 .. t, t .. 2, 1.5 .. t)
