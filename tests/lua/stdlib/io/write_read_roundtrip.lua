-- what is written is read back, across close and reopen
local name = "/tmp/rupa_io_roundtrip"
local f = assert(io.open(name, "w"))
print(f:write("first line\n", "second", " line\n", 3, " ", 4.5, "\n") == f)
print(f:close())
f = assert(io.open(name))
print(f:read("a"))
f:close()
f = assert(io.open(name, "a"))
f:write("appended\n")
f:close()
for l in io.lines(name) do print("[" .. l .. "]") end
f = assert(io.open(name, "w"))
f:close()
f = assert(io.open(name))
print(f:read("a") == "", f:read("l"))
f:close()
os.remove(name)
