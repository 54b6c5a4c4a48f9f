-- Assigning with a NaN or nil key is an error.
local t = {}
print(pcall(function() t[0 / 0] = 1 end))
print(pcall(function() t[nil] = 1 end))
print(pcall(function() rawset(t, nil, 1) end))
t[nil] = 2
