-- flush makes written data visible to another handle
local name = "/tmp/rupa_io_flush"
local w = assert(io.open(name, "w"))
w:write("pending")
local r = assert(io.open(name))
print("[" .. r:read("a") .. "]")
print(w:flush())
print("[" .. r:read("a") .. "]")
w:close()
r:close()
os.remove(name)
