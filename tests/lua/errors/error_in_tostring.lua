-- An error inside __tostring propagates from tostring and print.
local t = setmetatable({}, {__tostring = function() error("tostring failed") end})
print(pcall(tostring, t))
print(pcall(print, t))
