-- Repeated collections keep only strongly referenced values.
local t = setmetatable({}, {__mode = "v"})
local anchors = {}
for i = 1, 100 do
  local v = {}
  t[i] = v
  if i % 10 == 0 then anchors[#anchors + 1] = v end
end
collectgarbage()
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[10] == anchors[1], t[100] == anchors[10])
