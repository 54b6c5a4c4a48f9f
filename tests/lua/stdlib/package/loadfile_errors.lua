-- loadfile reports failures as nil, message; dofile raises them
local bad = "/tmp/rupa_pkg_loadfile_errors.lua"
local f = assert(io.open(bad, "w"))
f:write("x = = 1")
f:close()
print(loadfile("/tmp/rupa_no_such_file.lua"))
print(loadfile(bad))
print(loadfile("/tmp"))
print(pcall(dofile, "/tmp/rupa_no_such_file.lua"))
print(pcall(dofile, bad))
print(pcall(loadfile, {}))
print(pcall(loadfile, bad, {}))
print(pcall(dofile, {}))
os.remove(bad)
