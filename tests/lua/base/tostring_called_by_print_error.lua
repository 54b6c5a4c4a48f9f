-- print fails when __tostring returns a non-string.
local t = setmetatable({}, {__tostring = function() return true end})
print(pcall(print, t))
print(t)
