-- assert with a table message raises that table.
local e = {}
local ok, got = pcall(assert, false, e)
print(ok, got == e)
