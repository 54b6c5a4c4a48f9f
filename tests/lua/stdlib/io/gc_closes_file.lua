-- an unreachable file is closed (and flushed) by the collector
local name = "/tmp/rupa_io_gc_closes"
do
  local f = assert(io.open(name, "w"))
  f:write("flushed by __gc")
end
collectgarbage()
collectgarbage()
local f = assert(io.open(name))
print(f:read("a"))
f:close()
os.remove(name)
