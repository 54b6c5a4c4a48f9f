-- read("a") returns everything left, and "" at end of file (never nil)
local name = "/tmp/rupa_io_read_all"
local f = assert(io.open(name, "w"))
for i = 1, 2000 do f:write(i, "\n") end
f:close()
f = assert(io.open(name))
print(f:read("l"))
local rest = f:read("a")
print(#rest)
print(f:read("a") == "", f:read("*a") == "", f:read("l"))
f:close()
os.remove(name)
