-- An error raised inside a metamethod propagates with its position.
local t = setmetatable({}, {__add = function(a, b) error("add failed") end})
print(pcall(function() return t + 1 end))
local u = setmetatable({}, {__div = function(a, b) return a.x / b end})
print(pcall(function() return u / 2 end))
