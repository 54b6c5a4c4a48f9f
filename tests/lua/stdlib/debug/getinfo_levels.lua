-- Level numbers: 0 is getinfo itself, past the bottom gives nil.
print(debug.getinfo(0, "n").name, debug.getinfo(0, "S").what)
print(debug.getinfo(0, "f").func == debug.getinfo)
print(debug.getinfo(0, "l").currentline)
print(debug.getinfo(1, "S").what)
print(debug.getinfo(2, "S").what)
print(debug.getinfo(3))
print(debug.getinfo(100))
print(debug.getinfo(-1))
print(debug.getinfo(math.maxinteger))
print(debug.getinfo(math.mininteger) ~= nil)
print(debug.getinfo(2^32 + 1, "S").what)
local function depth()
  local n = 0
  while debug.getinfo(n + 1, "") do n = n + 1 end
  return n
end
print(depth())
local function a() return depth() end
print(a())
local function b() return (a()) end
print(b())
print(pcall(depth))
