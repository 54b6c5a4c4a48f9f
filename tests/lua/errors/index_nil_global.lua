-- Indexing a nil global names it.
print(pcall(function() return undefined_global.x end))
print(pcall(function() undefined_global.x = 1 end))
local y = not_there.field
