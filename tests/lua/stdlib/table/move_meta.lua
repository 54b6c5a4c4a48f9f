-- table.move uses __index on the source and __newindex on the destination, in order
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log+1] = "get" .. k; return k * 10 end})
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log+1] = "set" .. k .. "=" .. v; rawset(t, k, v) end})
table.move(src, 1, 3, 2, dst)
print(table.concat(log, " "))
log = {}
local same = setmetatable({}, {__index = function(_, k) log[#log+1] = "get" .. k; return k end,
  __newindex = function(t, k, v) log[#log+1] = "set" .. k; rawset(t, k, v) end})
table.move(same, 1, 3, 2)
print(table.concat(log, " "))
-- equal tables through __eq: moves backwards like the same table
log = {}
local mt = {__eq = function() log[#log+1] = "eq"; return true end}
local a = setmetatable({1, 2, 3}, mt)
local b = setmetatable({1, 2, 3}, mt)
table.move(a, 1, 2, 2, b)
print(table.concat(log, " "), b[1], b[2], b[3])
