-- every method on a closed file raises "attempt to use a closed file"
local name = "/tmp/rupa_io_closed_file_errors"
local f = assert(io.open(name, "w"))
print(f:close())
for _, m in ipairs{"close", "flush", "lines", "read", "seek", "setvbuf", "write"} do
  print(m, pcall(f[m], f))
end
print(pcall(io.output, f))
print(pcall(io.input, f))
print(type(select(2, pcall(io.lines, nil))))
os.remove(name)
