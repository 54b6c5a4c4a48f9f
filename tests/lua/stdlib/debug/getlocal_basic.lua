-- Locals of the caller by index, in declaration order, including loop control variables.
local function show(level)
  local i = 1
  while true do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    print(i, n, v)
    i = i + 1
  end
  print("--")
end
local function f(a, b)
  local c = a + b
  do
    local d = "inner"
    show(1)
  end
  local e = true
  show(1)
end
f(1, 2)
f(10, 20)
for k = 1, 1 do show(1) end
for k, v in pairs({x = 1}) do show(1) end
local z = nil
show(1)
