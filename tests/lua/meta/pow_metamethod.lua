-- __pow with both operand orders.
local t = setmetatable({}, {__pow = function(a, b)
  return (type(a) == "table" and "T" or tostring(a)) .. "^" .. (type(b) == "table" and "T" or tostring(b))
end})
print(t ^ 2, 2 ^ t, t ^ t)
