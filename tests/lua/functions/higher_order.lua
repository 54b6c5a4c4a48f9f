-- Functions as arguments and results.
local function map(t, fn) local r = {} for i, v in ipairs(t) do r[i] = fn(v) end return r end
local function compose(f, g) return function(...) return f(g(...)) end end
local r = map({1, 2, 3}, function(x) return x * x end)
print(r[1], r[2], r[3])
print(compose(function(x) return x + 1 end, function(x, y) return x * y end)(3, 4))
