-- Indexing nil in an assignment target is an error.
local t = {}
print(pcall(function() t.a.b = 1 end))
undefined_table.field = 1
