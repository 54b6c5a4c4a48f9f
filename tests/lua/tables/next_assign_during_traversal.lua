-- Assigning existing fields (even to nil) during traversal is allowed.
local t = {}
for i = 1, 20 do t["k" .. i] = i end
local visited, sum = 0, 0
for k, v in pairs(t) do
  visited = visited + 1
  sum = sum + v
  t[k] = v * 2
end
print(visited, sum)
local total = 0
for k, v in pairs(t) do total = total + v; t[k] = nil end
print(total, next(t))
