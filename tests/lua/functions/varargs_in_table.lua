-- ... in a table constructor: all values at the end, one in the middle.
local function f(...)
  local all = {...}
  local mid = {..., "end"}
  return #all, #mid, mid[1], mid[2]
end
print(f(1, 2, 3))
print(f())
