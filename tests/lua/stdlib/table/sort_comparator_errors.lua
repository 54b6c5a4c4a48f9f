-- errors raised inside comparators and metamethods propagate unchanged out of sort
local t = {5, 3, 1, 4, 2}
print(pcall(table.sort, t, function(a, b) if a == 1 or b == 1 then error("found one") end return a < b end))
print(pcall(table.sort, t, function(a, b) error("lvl0", 0) end))
print(pcall(table.sort, t, function(a, b) return a.x < b end))
local bad = setmetatable({}, {__lt = function() error("lt failed") end})
print(pcall(table.sort, {bad, bad, bad}))
local p = setmetatable({}, {__len = function() return 3 end, __index = function(_, k) if k == 2 then error("no 2") end return k end, __newindex = rawset})
print(pcall(table.sort, p))
print(pcall(table.sort, setmetatable({}, {__len = function() error("len!") end})))
