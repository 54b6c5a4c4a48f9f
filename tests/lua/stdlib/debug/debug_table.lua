-- The debug table's contents.
local names = {}
for k, v in pairs(debug) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(package.loaded.debug == debug)
print(debug.setcstacklimit(100), debug.setcstacklimit(0))
print(pcall(debug.setcstacklimit))
print(pcall(debug.setcstacklimit, "x"))
print(pcall(debug.setcstacklimit, 1.5))
