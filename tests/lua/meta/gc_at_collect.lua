-- __gc runs when the object is collected by collectgarbage().
do
  local obj = setmetatable({}, {__gc = function() print("finalized") end})
end
print("before collect")
collectgarbage()
print("after collect")
