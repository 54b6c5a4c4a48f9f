-- When both operands have metamethods, the first operand's is used.
local A = setmetatable({}, {__mul = function() return "A's mul" end})
local B = setmetatable({}, {__mul = function() return "B's mul" end})
print(A * B, B * A)
local plain = {}
print(plain * A, A * plain)
