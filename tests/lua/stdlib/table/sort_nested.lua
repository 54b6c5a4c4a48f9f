-- sorts nested in comparators and in coroutines
local outer = {{3, 1, 2}, {9, 8}, {5}}
table.sort(outer, function(a, b) table.sort(a) table.sort(b) return a[1] < b[1] end)
for _, v in ipairs(outer) do print(table.concat(v, ",")) end
local co = coroutine.wrap(function()
  local t = {5, 4, 3, 2, 1}
  table.sort(t)
  coroutine.yield(table.concat(t, ","))
  return "done"
end)
print(co(), co())
