-- write formats integers with %d and floats with %.14g
local name = "/tmp/rupa_io_write_numbers"
local f = assert(io.open(name, "w"))
f:write(1, " ", 1.0, " ", -0.0, " ", 1e100, " ", 2^63, " ", math.mininteger, " ",
        0.1, " ", 1/3, " ", 100.5, " ", 1e15, " ", 123456789012345678)
f:write(" ", 1/0, " ", -1/0, " ", 2^53)
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()
os.remove(name)
io.write(1.0, " ", 3, " ", 2.5, "\n")
