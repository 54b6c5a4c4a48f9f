-- A __gc field added after setmetatable is not registered.
local mt = {}
do
  local obj = setmetatable({}, mt)
  mt.__gc = function() print("should not run") end
end
collectgarbage()
local mt2 = {__gc = true}
do
  local obj = setmetatable({}, mt2)
  mt2.__gc = function() print("marked at setmetatable, runs") end
end
collectgarbage()
print("done")
