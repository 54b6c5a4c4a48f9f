-- Unary minus on a table without __unm.
local t = setmetatable({}, {})
print(pcall(function() return -t end))
print(-t)
