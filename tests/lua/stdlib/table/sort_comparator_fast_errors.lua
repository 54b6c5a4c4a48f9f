-- errors on the plain-table comparator path: an inconsistent comparator is caught at each
-- partition step, an error from the comparator propagates, a non-boolean result counts by
-- truth, and the table is left as lua5.4 leaves it
local function fill(n)
  local t = {}
  for i = 1, n do t[i] = (i * 7919) % 1009 end
  return t
end
local function sum(t)
  local s = 0
  for i = 1, #t do s = (s * 31 + t[i]) % 1000003 end
  return s
end
local t = fill(120)
print(pcall(table.sort, t, function(a, b) return true end))
print(sum(t))
t = fill(120)
local n = 0
print(pcall(table.sort, t, function(a, b)
  n = n + 1
  if n == 500 then error("stop at 500") end
  return a < b
end))
print(sum(t))
t = fill(120)
print(pcall(table.sort, t, function(a, b) if a < b then return 1 end end))
print(sum(t), t[1], t[#t])
t = fill(120)
print(pcall(table.sort, t, function(a, b) return a <= b end))
print(sum(t))
print(pcall(table.sort, fill(50), function(a, b) return a < nil end))
