-- Calling a nil field.
local lib = {}
print(pcall(function() lib.helper() end))
lib.helper(1, 2)
