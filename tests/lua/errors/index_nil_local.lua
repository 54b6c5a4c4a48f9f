-- Indexing a nil local names it.
print(pcall(function() local v; return v.x end))
print(pcall(function() local v; v[1] = 2 end))
local obj
print(obj.name)
