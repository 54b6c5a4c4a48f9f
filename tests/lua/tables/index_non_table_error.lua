-- Indexing values that are not tables.
print(pcall(function() local n = 5; return n.x end))
print(pcall(function() local b = true; return b[1] end))
local f = print
print(f.field)
