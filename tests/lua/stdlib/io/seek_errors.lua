-- seek's argument checks
local name = "/tmp/rupa_io_seek_errors"
local f = assert(io.open(name, "w"))
print(pcall(f.seek, f, "bad"))
print(pcall(f.seek, f, "set", 1.5))
print(pcall(f.seek, f, "set", "x"))
print(pcall(f.seek, f, {}))
print(pcall(f.seek, f, "SET"))
print(f:seek("set", "3"))
f:close()
print(pcall(f.seek, f))
os.remove(name)
