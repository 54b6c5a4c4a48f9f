-- getupvalue/setupvalue on Lua closures: names, values, out-of-range indices.
local a, b = 1, "two"
local function f() return a, b end
for i = -1, 4 do print(i, debug.getupvalue(f, i)) end
print(select("#", debug.getupvalue(f, 3)))
print(debug.setupvalue(f, 1, 100))
print(debug.setupvalue(f, 2, nil))
print(debug.setupvalue(f, 3, 0))
print(select("#", debug.setupvalue(f, 3, 0)))
print(a, b, f())
local function g() return print end
print((debug.getupvalue(g, 1)))
local n1, env = debug.getupvalue(g, 1)
print(n1, env == _ENV)
local function counter()
  local c = 0
  return function() c = c + 1; return c end
end
local k = counter()
k(); k()
print(debug.getupvalue(k, 1))
debug.setupvalue(k, 1, 41)
print(k())
