-- io.lines and file:lines with formats return several values per step
local name = "/tmp/rupa_io_lines_formats"
local f = assert(io.open(name, "w"))
f:write("1 2\n3 4\n5 6\n")
f:close()
for a, b in io.lines(name, "n", "n") do print(a, b, math.type(a)) end
for c in io.lines(name, 2) do io.write("<", c, ">") end
print()
for l in io.lines(name, "L") do io.write(l) end
for a, b in io.lines(name, 1, "l") do io.write("[", a, "|", tostring(b), "]") end
print()
f = assert(io.open(name))
for a in f:lines("n") do io.write(a, ";") end
print(io.type(f))
f:close()
os.remove(name)
