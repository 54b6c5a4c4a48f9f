local function closer(name) return setmetatable({}, {__close = function(o, e) print("close", name, e) end}) end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  print("body")
end
print(pcall(function()
  local a <close> = closer("x")
  error("E")
end))
local function ret()
  local a <close> = closer("r")
  return 1, 2
end
print(ret())
for i = 1, 2 do
  local c <close> = closer("loop" .. i)
  if i == 2 then break end
end
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function() error("in close") end})
  error("E2")
end))
local nilc <close> = nil
local co = coroutine.wrap(function()
  local a <close> = closer("co")
  coroutine.yield(1)
  return 2
end)
print(co())
print(co())
