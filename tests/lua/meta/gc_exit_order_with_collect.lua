-- Finalizers run once: some during collectgarbage(), the rest at exit.
local keep = setmetatable({}, {__gc = function() print("kept object finalized at exit") end})
do
  setmetatable({}, {__gc = function() print("temporary finalized by collect") end})
end
collectgarbage()
print("script end")
