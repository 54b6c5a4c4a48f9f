-- Upvalues shared between closures see each other's changes through setupvalue.
local function make()
  local shared = 0
  local function get() return shared end
  local function inc() shared = shared + 1 end
  return get, inc
end
local get, inc = make()
inc()
print(get(), debug.getupvalue(get, 1))
debug.setupvalue(inc, 1, 10)
print(get())
inc()
print(get(), debug.getupvalue(inc, 1))
local get2 = make()
print(get2(), debug.upvalueid(get, 1) == debug.upvalueid(get2, 1))
local function open_upvalue()
  local live = "open"
  local function f() return live end
  print(debug.getupvalue(f, 1))
  debug.setupvalue(f, 1, "changed while open")
  print(live)
end
open_upvalue()
