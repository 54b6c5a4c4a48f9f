-- Jumping out of a block with goto closes its variables.
do
  local c <close> = setmetatable({}, {__close = function() print("closed by goto") end})
  goto out
end
::out::
print("after goto")
