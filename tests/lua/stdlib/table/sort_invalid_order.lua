-- "invalid order function for sorting" is detected where 5.4 detects it
local function try(n, f)
  local t = {}
  for i = 1, n do t[i] = (i * 7919) % n end
  local ok, e = pcall(table.sort, t, f)
  print(n, ok, e)
end
local always = function() return true end
for _, n in ipairs({2, 3, 4, 5, 10, 50, 200}) do try(n, always) end
try(20, function(a, b) return a <= b end)
try(20, function(a, b) return true end)
local t = {}
for i = 1, 100 do t[i] = 5 end
print(pcall(table.sort, t, function(a, b) return a <= b end))
