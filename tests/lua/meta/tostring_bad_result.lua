-- __tostring must return a string.
local t = setmetatable({}, {__tostring = function() return {} end})
print(pcall(tostring, t))
local u = setmetatable({}, {__tostring = function() return nil end})
print(u)
