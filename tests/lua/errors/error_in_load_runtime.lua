-- Runtime errors in loaded chunks use the chunk name.
print(pcall(load("error('boom')", "=named")))
print(pcall(load("error('boom')", "@file.lua")))
print(pcall(load("error('boom')")))
print(pcall(load("\n\nlocal t = nil; t.x = 1", "=multi")))
