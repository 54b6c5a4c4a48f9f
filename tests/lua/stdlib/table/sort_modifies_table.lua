-- a comparator that writes into the array does not crash the sort
local t = {5, 4, 3, 2, 1, 6, 7, 8, 9, 10}
local ok = pcall(table.sort, t, function(a, b)
  t[#t + 1 > 20 and 1 or #t + 1] = nil
  return (a or 0) < (b or 0)
end)
print(type(ok))
local u = {3, 2, 1}
print(pcall(table.sort, u, function(a, b) u[2] = "x" return tostring(a) < tostring(b) end))
