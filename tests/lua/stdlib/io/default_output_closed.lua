-- writing to a closed default output
local name = "/tmp/rupa_io_default_output_closed"
io.output(name)
io.close()
print(pcall(io.write, "x"))
print(pcall(io.flush))
print(pcall(io.close))
io.output(io.stdout)
print(io.write("back\n") == io.stdout)
os.remove(name)
