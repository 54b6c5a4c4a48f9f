-- __index/__newindex given as tables (chains) are followed by the table functions
local base = {10, 20, 30}
local proxy = setmetatable({}, {__index = base, __len = function() return #base end})
print(table.concat(proxy, ","), table.unpack(proxy))
local sink = {}
local w = setmetatable({}, {__newindex = sink, __len = function() return 0 end, __index = sink})
table.insert(w, "a")
print(rawget(w, 1), sink[1])
local lvl2 = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return "deep" .. k end})})
print(table.concat(lvl2, " ", 1, 3))
