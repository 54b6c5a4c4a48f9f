-- Writing a nil key is an error.
local t = {}
print(pcall(function() t[nil] = 1 end))
print(pcall(rawset, t, nil, 1))
local key
t[key] = "value"
