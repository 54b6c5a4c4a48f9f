-- Only the first result of an __index function is used.
local t = setmetatable({}, {__index = function() return 1, 2, 3 end})
print(t.x)
print(select("#", t.x))
