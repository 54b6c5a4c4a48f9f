-- io.popen in write mode feeds the command's standard input
local name = "/tmp/rupa_io_popen_write"
local p = io.popen("cat > " .. name, "w")
print(p:write("to the pipe\n", 12, "\n") == p)
print(p:close())
local f = assert(io.open(name))
print(f:read("a"))
f:close()
p = io.popen("exit 7", "w")
print(p:close())
os.remove(name)
