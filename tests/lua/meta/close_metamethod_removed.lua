-- Removing __close after declaration fails when closing.
local mt = {__close = function() print("never") end}
print(pcall(function()
  local x <close> = setmetatable({}, mt)
  mt.__close = nil
end))
