-- Removing every other hash key during traversal.
local t = {}
for i = 1, 50 do t["k" .. i] = i end
local seen = 0
for k, v in pairs(t) do
  seen = seen + 1
  if v % 2 == 0 then t[k] = nil end
end
local left = 0
for _ in pairs(t) do left = left + 1 end
print(seen, left)
