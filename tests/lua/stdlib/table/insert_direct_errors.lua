-- errors of table.insert called from Lua code get the caller's position
local ok, e = pcall(function() table.insert({}, 5, 1) end)
print(e)
ok, e = pcall(function() local t = table t.insert({}, 1, 2, 3) end)
print(e)
table.insert(nil, 1)
