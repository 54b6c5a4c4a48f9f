local function counter()
  local c = 0
  return function() c = c + 1 return c end, function() return c end
end
local inc, get = counter()
inc() inc()
print(get())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
local j = 0
while j < 3 do j = j + 1 local k = j gs[j] = function() k = k * 10 return k end end
print(gs[1](), gs[1](), gs[2](), gs[3]())
local x = 1
local function setx(v) x = v end
setx(42)
print(x)
local function outer()
  local a = 1
  local function mid()
    local function inner() a = a + 1 return a end
    return inner
  end
  return mid(), function() return a end
end
local i1, ga = outer()
i1() i1()
print(ga())
