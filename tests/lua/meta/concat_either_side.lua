-- __concat is called when either operand is not a string or number.
local t = setmetatable({}, {__concat = function(a, b)
  local sa = type(a) == "table" and "T" or tostring(a)
  local sb = type(b) == "table" and "T" or tostring(b)
  return sa .. sb
end})
print(t .. "x", "x" .. t, 1 .. t, t .. 2.5, t .. t)
