-- table.sort uses __lt for values and __index/__newindex/__len for the table
local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs({5, 3, 9, 1, 7}) do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
local r = {}
for i = 1, #t do r[i] = t[i].v end
print(table.concat(r, " "))
local store = {4, 2, 5, 1, 3}
local reads, writes = 0, 0
local p = setmetatable({}, {
  __len = function() return #store end,
  __index = function(_, k) reads = reads + 1; return store[k] end,
  __newindex = function(_, k, v) writes = writes + 1; store[k] = v end,
})
table.sort(p)
print(table.concat(store, " "), reads, writes)
print(pcall(table.sort, {setmetatable({}, mt), 1}))
