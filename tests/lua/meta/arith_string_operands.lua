-- Numeric strings with a table operand go to the metamethod unconverted.
local t = setmetatable({}, {__add = function(a, b) return type(a) .. "+" .. type(b) end,
                             __concat = function(a, b) return "cat" end})
print("10" + t, t + "10", "abc" + t)
