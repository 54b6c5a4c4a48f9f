-- table functions accept non-tables whose metatable has the needed fields
local ud = setmetatable({}, {__index = function() return nil end})
print(pcall(table.insert, 1, 2))
print(pcall(table.insert, true, 2))
local s = ""
print(pcall(table.insert, s, 1))
print(pcall(table.concat, "abc"))
print(pcall(table.remove, 5))
print(pcall(table.sort, function() end))
print(pcall(table.move, {}, 1, 2, 3, 4))
print(pcall(table.move, 1, 1, 2, 3))
