-- currentline and linedefined/lastlinedefined through nested calls.
local function where(level)
  local i = debug.getinfo(level + 1, "Sl")
  return i.currentline, i.linedefined, i.lastlinedefined, i.what
end
print(where(0))
local function f()
  print(where(0))
  print(where(1))
  local x =
    where(0)
  print(x)
end
f()
local t = {
  g = function()
    return where(0)
  end,
}
print(t.g())
print(where(0))
for i = 1, 2 do
  print(i, (where(0)))
end
