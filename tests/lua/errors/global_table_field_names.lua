-- Fields of global tables are named as fields.
tbl = {}
print(pcall(function() return tbl.sub.x end))
print(pcall(function() tbl.fn() end))
