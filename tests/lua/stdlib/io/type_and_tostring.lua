-- io.type of files, closed files and other values; tostring of a closed file
local name = "/tmp/rupa_io_type_and_tostring"
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdout), io.type(io.stdin), io.type(io.stderr))
print(io.type(nil), io.type(1), io.type("file"), io.type({}), io.type(print))
f:close()
print(io.type(f), tostring(f))
print(pcall(io.type))
os.remove(name)
