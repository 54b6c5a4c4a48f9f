-- after a failed "n" the bytes it looked at are gone; the rest of the line is still there
local name = "/tmp/rupa_io_read_numbers_then_text"
local f = assert(io.open(name, "w"))
f:write("  42  0x10 -3.5e1 nan 12abc\nnext 7\n", "\n")
f:close()
f = assert(io.open(name))
print(f:read("n", "n", "n", "n", "n"))
print(f:read("l"))
print(f:read("n"))
print(f:read("l"))
print(f:read("n", "l"))
f:close()
os.remove(name)
