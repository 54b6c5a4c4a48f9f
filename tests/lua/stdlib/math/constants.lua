-- math constants and the library's contents
print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)
print(math.type(math.pi), math.type(math.maxinteger), math.maxinteger + 1 == math.mininteger)
print(math.mininteger // -1, math.maxinteger * 2)
local names = {}
for k, v in pairs(math) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
