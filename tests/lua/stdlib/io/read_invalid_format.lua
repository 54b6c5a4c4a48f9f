-- unknown formats and non-string, non-number formats are argument errors
local name = "/tmp/rupa_io_read_invalid_format"
local f = assert(io.open(name, "w"))
f:write("abc\n")
f:close()
f = assert(io.open(name))
for _, fmt in ipairs{"x", "", "*", "*x", "number", "line"} do
  print(fmt, pcall(f.read, f, fmt))
end
print(pcall(f.read, f, {}))
print(pcall(f.read, f, "l", true))
print(pcall(io.read, "z"))
print(pcall(f.read, f, "all"))
f:close()
os.remove(name)
