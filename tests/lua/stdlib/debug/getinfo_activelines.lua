-- activelines lists the lines holding code.
local function lines(f)
  local t = {}
  for l in pairs(debug.getinfo(f, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, " ")
end
local function f(a)
  local x = a

  if x then
    return 1
  end
end
print(lines(f))
print(lines(function() end))
print(lines(function()
  return 1
end))
local function g(...)
  local t = {...}
  return #t
end
print(lines(g))
print(debug.getinfo(print, "L").activelines)
local l1 = debug.getinfo(1, "L").activelines
print(l1[15], l1[16], l1[2])
