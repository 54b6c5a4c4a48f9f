-- a failing format gives nil and the formats after it are not read
local name = "/tmp/rupa_io_read_stops"
local f = assert(io.open(name, "w"))
f:write("10 x\nline\n")
f:close()
f = assert(io.open(name))
print(select("#", f:read("n", "n", "l", "l")), f:read("l"))
f:close()
f = assert(io.open(name))
print(f:read("l", "l", "l", "l"))
print(select("#", f:read("l", "l")))
f:close()
os.remove(name)
