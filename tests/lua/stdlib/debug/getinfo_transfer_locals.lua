-- ftransfer/ntransfer for the first call and return events, with the transferred values named as debug.getlocal names them.
local function show(ev)
  local i = debug.getinfo(2, "nrS")
  local vals = {}
  for k = i.ftransfer, i.ftransfer + i.ntransfer - 1 do
    local name, v = debug.getlocal(2, k)
    vals[#vals + 1] = tostring(name) .. "=" .. tostring(v)
  end
  print(ev, i.name, i.what, i.ftransfer, i.ntransfer, table.concat(vals, " "))
end
local function f(a, b, ...)
  local x = a + b
  return x, "r2", ...
end
local function g() end
debug.sethook(show, "cr")
f(1, 2, "v1", "v2")
g()
local t = {select(2, "a", "b", "c")}
local s = string.rep("x", 3)
math.max(1, 2)
debug.sethook()
print(debug.getinfo(1, "r").ftransfer, debug.getinfo(1, "r").ntransfer)
