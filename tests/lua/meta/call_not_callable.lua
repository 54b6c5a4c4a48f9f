-- A table without __call cannot be called.
local t = setmetatable({}, {})
print(pcall(function() t() end))
local named = setmetatable({}, {__name = "Widget"})
named()
