-- Finalizers and weak tables together: an ephemeron value under a live key is not finalized,
-- one under a dead key is, and leaves weak-valued tables before its finalizer runs.
local finalized = {}
local function obj(name) return setmetatable({name = name}, {__gc = function(o) finalized[#finalized + 1] = o.name end}) end
local k = setmetatable({}, {__mode = "k"})
local v = setmetatable({}, {__mode = "v"})
local key = {}
do
  local a = obj("held by live key")
  k[key] = a
  v[1] = a
  local b = obj("held by dead key")
  k[{}] = b
  v[2] = b
  local c = obj("key being finalized")
  k[c] = obj("value of finalized key")
end
collectgarbage()
table.sort(finalized)
print(table.concat(finalized, ", "))
print(v[1] and v[1].name, v[2])
local n = 0 for kk, vv in pairs(k) do n = n + 1 end
print(n)
collectgarbage()
collectgarbage()
table.sort(finalized)
print(table.concat(finalized, ", "))
n = 0 for kk, vv in pairs(k) do n = n + 1 end
print(n)
