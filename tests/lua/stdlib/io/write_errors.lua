-- write checks its arguments: strings and numbers only
local name = "/tmp/rupa_io_write_errors"
local f = assert(io.open(name, "w"))
print(pcall(f.write, f, {}))
print(pcall(f.write, f, "a", nil))
print(pcall(f.write, f, "a", "b", true))
print(pcall(io.write, {}))
print(pcall(io.write, "ok", print))
f:close()
f = assert(io.open(name))
print(f:read("a"))
print(f:write("x"))
f:close()
os.remove(name)
