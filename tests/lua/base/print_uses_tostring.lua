-- print uses __tostring and __name.
local t = setmetatable({}, {__tostring = function() return "T!" end})
print(t, "and", t)
local u = setmetatable({}, {__tostring = function() return "with\ttab" end})
print(u)
