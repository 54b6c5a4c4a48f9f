-- Varargs keep nils; select('#') sees them.
local function f(...)
  local t = {n = select("#", ...), ...}
  return t.n, t[1], t[2], t[3]
end
print(f(nil, 2, nil))
print(f(nil))
