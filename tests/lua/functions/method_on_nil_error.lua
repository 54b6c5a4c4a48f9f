-- Calling a missing method names it.
local obj = {}
print(pcall(function() obj:missing() end))
print(pcall(function() local s = nil; s:method() end))
obj:nothere(1, 2)
