-- table.concat reads through __index and __len
local p = setmetatable({}, {__index = function(_, k) return "v" .. k end, __len = function() return 4 end})
print(table.concat(p, "+"))
print(table.concat(p, "+", 2, 3))
local q = setmetatable({"a", nil, "c"}, {__index = {nil, "B"}})
print(table.concat(q, ",", 1, 3))
local calls = 0
local r = setmetatable({}, {__index = function(_, k) calls = calls + 1; return k end})
print(#table.concat(r, "", 1, 100), calls)
