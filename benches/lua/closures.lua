-- Closures: creating many closures that capture upvalues (open and closed), calling them,
-- and sharing one upvalue between several closures.
local function make_counter(start)
  local n = start
  return function(step)
    n = n + step
    return n
  end
end

local function make_pair()
  local shared = 0
  local function inc() shared = shared + 1 end
  local function get() return shared end
  return inc, get
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local function add(k) return function(x) return x + k end end

local total = 0
for i = 1, 500000 do
  local c = make_counter(i)
  c(1)
  total = total + c(2)
  local inc, get = make_pair()
  inc(); inc(); inc()
  total = total + get()
  local f = compose(add(i), add(1))
  total = total + f(0)
  -- a closure over a loop variable: each iteration gets a fresh upvalue
  local fs = {}
  for j = 1, 4 do fs[j] = function() return i * j end end
  total = total + fs[1]() + fs[4]()
end
print("total=" .. total)
