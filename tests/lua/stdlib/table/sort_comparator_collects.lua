-- full collections inside the comparator, on a plain table and through a proxy whose
-- __index makes fresh objects: the values the sort holds between calls stay alive
local t = {}
for i = 1, 300 do t[i] = { v = (i * 7919) % 1009, s = "k" .. i } end
local calls = 0
table.sort(t, function(a, b)
  calls = calls + 1
  if calls % 7 == 0 then collectgarbage() end
  return a.v < b.v or (a.v == b.v and a.s < b.s)
end)
local ok = true
for i = 2, #t do ok = ok and t[i - 1].v <= t[i].v end
print(calls, ok, t[1].s, t[#t].s)

local data = {}
for i = 1, 300 do data[i] = (i * 104729) % 997 end
local p = setmetatable({}, {
  __index = function(_, k) return { v = data[k] } end,
  __newindex = function(_, k, x) data[k] = x.v end,
  __len = function() return #data end,
})
calls = 0
table.sort(p, function(a, b)
  calls = calls + 1
  collectgarbage()
  return a.v < b.v
end)
ok = true
for i = 2, #data do ok = ok and data[i - 1] <= data[i] end
print(calls, ok, data[1], data[#data])
