-- a comparator that moves the array behind a proxy half-way: the rest of the sort reads and
-- writes through __index/__newindex (the plain-table path hands over to the general one)
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 1009 end
local data = {}
local reads, writes, calls = 0, 0, 0
local mt = {
  __index = function(_, k) reads = reads + 1 return data[k] end,
  __newindex = function(_, k, v) writes = writes + 1 data[k] = v end,
  __len = function() return #data end,
}
table.sort(t, function(a, b)
  calls = calls + 1
  if calls == 150 then
    for i = 1, #t do data[i] = t[i] end
    for i = 1, #data do t[i] = nil end
    setmetatable(t, mt)
  end
  return a < b
end)
print(calls, reads > 0, writes > 0, rawlen(t), #data)
local ok = true
for i = 2, #data do ok = ok and data[i - 1] <= data[i] end
print(ok)
local s = 0
for i = 1, #data do s = (s * 31 + data[i]) % 1000003 end
print(s, reads, writes)
