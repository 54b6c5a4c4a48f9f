-- Non-integral floats go to bitwise metamethods instead of failing.
local t = setmetatable({}, {__bor = function(a, b) return "bor " .. type(a) .. " " .. type(b) end})
print(1.5 | t, t | 2.5)
print(pcall(function() return 1.5 | 2 end))
local obj = setmetatable({}, {__band = function(a, b) return "called" end})
print(1.5 & obj, "x" & obj)
