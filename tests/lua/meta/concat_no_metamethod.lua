-- '..' with a table lacking __concat.
local t = setmetatable({}, {__add = function() end})
print(pcall(function() return "a" .. t end))
print("x" .. t .. "y")
