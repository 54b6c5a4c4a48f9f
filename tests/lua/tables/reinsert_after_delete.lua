-- Deleting and reinserting keys keeps the table consistent.
local t = {}
for round = 1, 5 do
  for i = 1, 100 do t["x" .. i] = i end
  for i = 1, 100, 2 do t["x" .. i] = nil end
end
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t.x2, t.x1)
