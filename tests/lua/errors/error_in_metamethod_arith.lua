-- Runtime errors inside arithmetic metamethods.
local t = setmetatable({}, {__add = function(a, b) return a.val + b end})
print(pcall(function() return t + 1 end))
local v = setmetatable({}, {__concat = function(a, b) return nil .. "x" end})
print(pcall(function() return v .. "y" end))
