-- Errors raised in __index point into the metamethod.
local t = setmetatable({}, {__index = function(_, k) error("no key " .. k) end})
print(pcall(function() return t.abc end))
local u = setmetatable({}, {__index = function(_, k) error("level 2: " .. k, 2) end})
print(pcall(function() return u.abc end))
