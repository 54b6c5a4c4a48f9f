-- a proxy whose comparator removes the metatable half-way, moving the data into the table
-- itself: the rest of the sort runs on a plain table (the general path hands over to the
-- plain-table one)
local data = {}
for i = 1, 200 do data[i] = (i * 7919) % 1009 end
local t = setmetatable({}, {
  __index = function(_, k) return data[k] end,
  __newindex = function(_, k, v) data[k] = v end,
  __len = function() return #data end,
})
local calls = 0
table.sort(t, function(a, b)
  calls = calls + 1
  if calls == 150 then
    setmetatable(t, nil)
    for i = 1, #data do rawset(t, i, data[i]) end
  end
  return a > b
end)
print(calls, getmetatable(t), rawlen(t))
local ok = true
for i = 2, #t do ok = ok and t[i - 1] >= t[i] end
print(ok)
local s = 0
for i = 1, #t do s = (s * 31 + t[i]) % 1000003 end
print(s)
