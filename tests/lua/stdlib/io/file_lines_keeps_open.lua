-- file:lines does not close the file at the end
local name = "/tmp/rupa_io_file_lines_open"
local f = assert(io.open(name, "w"))
f:write("a\nb\n")
f:close()
f = assert(io.open(name))
for l in f:lines() do io.write(l, " ") end
print(io.type(f), f:read("l"), f:seek("set"), f:read("l"))
local it = f:lines("L")
print(it(), it(), it())
f:close()
os.remove(name)
