-- Negative indices reach varargs; they are named "(vararg)".
local function f(a, ...)
  for i = -1, -5, -1 do
    print(i, debug.getlocal(1, i))
  end
  print(debug.getlocal(1, 0))
end
f(1)
f(1, 2)
f(1, nil, 3, "x")
local function g(a)
  print(debug.getlocal(1, -1))
end
g(1, 2, 3)
local function h(...)
  local n1, v1 = debug.getlocal(1, 1)
  print(select("#", ...), n1, type(v1))
  print(debug.setlocal(1, -1, "changed"), ...)
  print(debug.setlocal(1, -3, "no"))
end
h("orig", "b")
