-- setlocal changes the caller's variables and returns the name (nil when out of range).
local function set(level, i, v)
  return debug.setlocal(level + 1, i, v)
end
local function f()
  local a, b = 1, 2
  print(set(1, 1, "A"), set(1, 2, "B"), set(1, 50, "D"))
  print(a, b)
  local t = {}
  local r = set(1, 3, 5)
  print(r, t)
end
f()
local x = 10
print(debug.setlocal(1, 1, 20), x)
local function g(p)
  local q = p
  local function inner()
    print(debug.setlocal(2, 1, "p2"), debug.setlocal(2, 2, "q2"))
  end
  inner()
  print(p, q)
end
g("p")
