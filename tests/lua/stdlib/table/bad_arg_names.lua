-- bad argument messages name the function as it was called
local ok, e = pcall(function() table.insert(nil, 1) end)
print(e)
local tinsert = table.insert
ok, e = pcall(function() tinsert(nil, 1) end)
print(e)
local T = {f = table.concat}
ok, e = pcall(function() T.f({}, {}) end)
print(e)
ok, e = pcall(function() T:f() end)
print(e)
