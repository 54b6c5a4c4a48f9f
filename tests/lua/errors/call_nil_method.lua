-- Calling a nil method.
local obj = {}
print(pcall(function() obj:run() end))
obj:stop()
