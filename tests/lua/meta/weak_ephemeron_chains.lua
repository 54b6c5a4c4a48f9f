-- Ephemeron chains in any insertion order, and weak-keyed values kept across incremental
-- collections driven by allocation.
local t = setmetatable({}, {__mode = "k"})
local ks = {}
for i = 1, 5001 do ks[i] = {} end
for i = 5000, 1, -1 do t[ks[i]] = ks[i + 1] end
local head = ks[1]
ks = nil
for r = 1, 5 do collectgarbage() end
local n = 0 for _ in pairs(t) do n = n + 1 end
print("chain", n)
local t = setmetatable({}, {__mode = "k"})
local keys = {}
for i = 1, 2000 do
  local k = {}
  keys[i] = k
  t[k] = {i = i, back = k}
end
-- churn to drive incremental cycles
for round = 1, 40 do
  local junk = {}
  for j = 1, 1000 do junk[j] = {j} end
  for i = 2, 2000, 98 do
    local v = t[keys[i]]
    assert(v and v.i == i and v.back == keys[i], "lost value " .. i .. " in round " .. round)
  end
  if round % 20 == 0 then
    -- drop some keys
    for i = 1, 2000, 2 do keys[i] = false end
  end
end
collectgarbage()
local n = 0
for k, v in pairs(t) do n = n + 1; assert(v.back == k) end
print("incremental", n)
-- strings keys and chains over incremental cycles
local s = setmetatable({}, {__mode = "k"})
for i = 1, 100 do s["k" .. i] = {i} end
for round = 1, 20 do local junk = {} for j = 1, 2000 do junk[j] = {} end end
local m = 0
for k, v in pairs(s) do m = m + 1 end
print("string keys", m)
