-- lines accepts at most 250 formats
local name = "/tmp/rupa_io_lines_too_many"
local f = assert(io.open(name, "w"))
f:write("x")
f:close()
local fmts = {}
for i = 1, 250 do fmts[i] = "l" end
print(type(io.lines(name, table.unpack(fmts))))
fmts[251] = "l"
print(pcall(io.lines, name, table.unpack(fmts)))
f = assert(io.open(name))
print(pcall(f.lines, f, table.unpack(fmts)))
f:close()
os.remove(name)
