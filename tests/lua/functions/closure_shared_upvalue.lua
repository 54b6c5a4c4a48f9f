-- Closures created in the same scope share upvalues.
local function make()
  local n = 0
  local function inc() n = n + 1; return n end
  local function get() return n end
  return inc, get
end
local inc, get = make()
inc(); inc()
print(get())
local inc2, get2 = make()
print(inc2(), get(), get2())
