local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc(); inc()
print(get())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local a = 1
local function outer()
  local b = 2
  return function() a = a + b; b = b + 1; return a, b end
end
local g = outer()
print(g(), g())
