-- __eq is taken from the first operand, else from the second.
local t1 = setmetatable({}, {__eq = function() return true end})
local t2 = {}
print(t1 == t2, t2 == t1)
local t3 = setmetatable({}, {__eq = function() return false end})
print(t1 == t3, t3 == t1)
