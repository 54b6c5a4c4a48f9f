-- the package table: fields, config, searchers, and loaded entries for the libraries
local keys = {}
for k, v in pairs(package) do keys[#keys + 1] = k .. ":" .. type(v) end
table.sort(keys)
print(table.concat(keys, " "))
print(package.config == "/\n;\n?\n!\n-\n", #package.searchers)
print(package.loaded._G == _G, package.loaded.package == package, package.loaded.os == os,
      package.loaded.io == io, package.loaded.table == table, package.loaded.math == math,
      package.loaded.coroutine == coroutine)
print(type(require), debug == nil or package.loaded.debug == debug)
