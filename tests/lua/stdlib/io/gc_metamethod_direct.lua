-- calling __gc/__close directly closes a file; on a closed file it does nothing
local name = "/tmp/rupa_io_gc_direct"
local f = assert(io.open(name, "w"))
local mt = getmetatable(f)
print(select("#", mt.__gc(f)))
print(io.type(f))
print(select("#", mt.__close(f)))
print(select("#", mt.__gc(io.stdout)), io.type(io.stdout))
print(pcall(mt.__gc, 1))
print(mt.__tostring(f))
os.remove(name)
