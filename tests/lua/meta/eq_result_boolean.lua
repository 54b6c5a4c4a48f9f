-- The result of __eq is converted to a boolean.
local mt = {__eq = function(a, b) return a.v end}
local x = setmetatable({v = "truthy string"}, mt)
local y = setmetatable({v = nil}, mt)
local z = setmetatable({v = 0}, mt)
print(x == z, y == z, z == x, x ~= z)
