-- table.unpack reads through __index and __len
local p = setmetatable({}, {__index = function(_, k) return k * 2 end, __len = function() return 5 end})
print(table.unpack(p))
print(table.unpack(p, 4))
print(table.unpack(p, 2, 3))
local q = setmetatable({}, {__index = function(_, k) return k end})
print(select('#', table.unpack(q, 1, 300)), select(300, table.unpack(q, 1, 300)))
