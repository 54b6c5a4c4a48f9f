-- A vararg expression in the middle is truncated to one value.
local function f(...)
  local a, b, c = ..., "x"
  return a, b, c
end
print(f(1, 2, 3))
print(f())
