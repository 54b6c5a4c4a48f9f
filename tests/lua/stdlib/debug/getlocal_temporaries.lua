-- Registers past the named locals show as "(temporary)" while a call is in progress.
local function probe(...)
  local names = {}
  for i = 1, 8 do
    local n = debug.getlocal(2, i)
    names[#names + 1] = tostring(n)
  end
  return table.concat(names, " ")
end
local function f(a)
  local b = 2
  print(probe())
  print(1, probe())
  local t = {probe()}
  print(t[1])
end
f(1)
print(debug.getlocal(1, 100))
