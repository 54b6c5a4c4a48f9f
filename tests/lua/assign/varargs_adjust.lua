-- Varargs adjust to the number of targets.
local function f(...)
  local a, b = ...
  local c, d, e, g = ..., "last"
  return a, b, c, d, e, g
end
print(f(1, 2, 3))
print(f())
