-- __gc runs after a full collection, once, in reverse order of marking; weak tables lose
-- collected entries.
local log = {}
local mt = {__gc = function(o) log[#log + 1] = o.name end}
do
  local a = setmetatable({name = "a"}, mt)
  local b = setmetatable({name = "b"}, mt)
end
collectgarbage()
collectgarbage()
print(#log, log[1], log[2])
local late = {}
local t = setmetatable({name = "late"}, late)
late.__gc = function() print("never: __gc added after setmetatable") end
t = nil
collectgarbage()
local weak_k = setmetatable({}, {__mode = "k"})
local weak_v = setmetatable({}, {__mode = "v"})
local keep = {}
weak_k[{}] = 1
weak_k[keep] = 2
weak_v[1] = {}
weak_v[2] = keep
weak_v[3] = "strings are values"
collectgarbage()
local n = 0
for k, v in pairs(weak_k) do n = n + 1 end
print(n, weak_v[1], weak_v[2] == keep, weak_v[3])
local resurrected
do
  local obj = setmetatable({name = "r"}, {__gc = function(o) resurrected = o end})
  weak_k[obj] = "as key"
  weak_v[4] = obj
end
collectgarbage()
print(resurrected and resurrected.name, weak_k[resurrected], weak_v[4])
