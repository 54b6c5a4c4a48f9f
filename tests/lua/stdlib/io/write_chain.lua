-- write returns the file, so calls chain
local name = "/tmp/rupa_io_write_chain"
local f = assert(io.open(name, "w"))
f:write("a"):write("b"):write("c", "d"):close()
print(io.open(name):read("a"))
io.write("x"):write("y"):write("\n")
print(io.write() == io.stdout)
os.remove(name)
