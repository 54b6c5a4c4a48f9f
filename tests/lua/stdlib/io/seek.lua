-- seek whence set/cur/end with offsets; the default is "cur", 0
local name = "/tmp/rupa_io_seek"
local f = assert(io.open(name, "w+"))
f:write("0123456789")
print(f:seek(), f:seek("set"), f:seek("end"), f:seek("cur", -3), f:read(1))
print(f:seek("set", 4), f:read(2), f:seek("cur"), f:seek("cur", 2), f:read("a"))
print(f:seek("end", -1), f:read(5), f:seek("end", 5))
print(f:seek("set", 2), f:write("AB") == f, f:seek("set", 0))
print(f:read("a"))
print(f:seek("set", -1))
print(f:seek("cur", -100))
f:close()
os.remove(name)
