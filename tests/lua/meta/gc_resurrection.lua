-- A finalizer may resurrect its object; it is not finalized twice.
saved = nil
local count = 0
do
  setmetatable({name = "phoenix"}, {__gc = function(o) count = count + 1; saved = o end})
end
collectgarbage()
print(saved and saved.name, count)
saved = nil
collectgarbage()
collectgarbage()
print(count)
