-- __le is used when a table is compared with a string.
local t = setmetatable({}, {__le = function(a, b) return type(a) == "string" end})
print("a" <= t, t <= "a", t >= "a")
