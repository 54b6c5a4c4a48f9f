-- A chain of tables ending in an __index function.
local last = setmetatable({}, {__index = function(_, k) return "fn:" .. k end})
local mid = setmetatable({m = "mid"}, {__index = last})
local top = setmetatable({}, {__index = mid})
print(top.m, top.other)
