-- Indexing a nil field names the field.
local t = {a = {}}
print(pcall(function() return t.a.b.c end))
print(pcall(function() t.x.y = 1 end))
print(t.a.missing.deeper)
