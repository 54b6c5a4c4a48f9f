-- A weak-key entry whose value refers to its own key is still collected.
local t = setmetatable({}, {__mode = "k"})
do
  local key = {}
  t[key] = {ref = key}
end
local kept = {}
t[kept] = {ref = kept}
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
