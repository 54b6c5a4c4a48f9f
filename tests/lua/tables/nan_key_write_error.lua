-- Writing a NaN key is an error.
local t = {}
print(pcall(function() t[0 / 0] = 1 end))
print(pcall(rawset, t, 0 / 0, 1))
local nan = 0 / 0
t[nan] = true
