-- upvalueid is the same for closures sharing a variable, different otherwise.
local shared, other = 1, 2
local function f() return shared, other end
local function g() return shared end
local function h() return other end
print(type(debug.upvalueid(f, 1)))
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 2) == debug.upvalueid(h, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(f, 2))
print(debug.upvalueid(g, 1) == debug.upvalueid(h, 1))
local function mk()
  local v = 0
  return function() return v end, function() v = v + 1 end
end
local r1, w1 = mk()
local r2, w2 = mk()
print(debug.upvalueid(r1, 1) == debug.upvalueid(w1, 1))
print(debug.upvalueid(r1, 1) == debug.upvalueid(r2, 1))
print(debug.upvalueid(r1, 1) == debug.upvalueid(r1, 1))
