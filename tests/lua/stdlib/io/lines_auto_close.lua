-- io.lines(name) closes its file at the end; calling the iterator again is an error
local name = "/tmp/rupa_io_lines_auto_close"
local f = assert(io.open(name, "w"))
f:write("a\nb\n\nc")
f:close()
for l in io.lines(name) do io.write("[", l, "]") end
print()
local it, s, c, file = io.lines(name)
print(type(it), s, c, io.type(file))
print(it(), it(), it(), it())
print(select("#", it()))
print(io.type(file))
print(pcall(it))
os.remove(name)
