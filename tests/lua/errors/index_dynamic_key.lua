-- Calls through dynamic and integer keys.
local t = {}
local k = "key"
print(pcall(function() t[k]() end))
print(pcall(function() t[1]() end))
print(pcall(function() return t[k].x end))
