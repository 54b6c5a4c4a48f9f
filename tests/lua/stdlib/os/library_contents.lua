-- the os table has exactly lua5.4's functions
local keys = {}
for k, v in pairs(os) do keys[#keys + 1] = k .. ":" .. type(v) end
table.sort(keys)
print(table.concat(keys, " "))
print(package.loaded.os == os)
