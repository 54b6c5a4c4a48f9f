-- loadfile's mode argument
local name = "/tmp/rupa_pkg_loadfile_mode.lua"
local f = assert(io.open(name, "w"))
f:write("return 'text chunk'")
f:close()
print(loadfile(name, "b"))
print(loadfile(name, "t")())
print(loadfile(name, "bt")())
print(loadfile(name, "x"))
f = assert(io.open(name, "w"))
f:write("\27Lua")
f:close()
print(loadfile(name, "t"))
os.remove(name)
