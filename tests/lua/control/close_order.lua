-- to-be-closed variables close in reverse order.
local function mk(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err) end})
end
do
  local a <close> = mk("a")
  local b <close> = mk("b")
  local c <close> = nil
  local d <close> = false
  print("body")
end
print("after")
