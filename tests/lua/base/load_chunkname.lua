-- Chunk names: '=' and '@' prefixes and default names.
print(pcall(load("error('e')", "=custom")))
print(pcall(load("error('e')", "@path/to/file.lua")))
print(pcall(load("error('e')", "plain")))
print(pcall(load("error('e')")))
print(pcall(load(function() local done; return nil end)))
