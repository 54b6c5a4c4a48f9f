-- io.open accepts r w a with an optional + and any number of b; anything else is invalid
local name = "/tmp/rupa_io_open_modes"
for _, m in ipairs{"r", "w", "a", "r+", "w+", "a+", "rb", "wb", "ab", "r+b", "w+b", "a+b", "rbb"} do
  local f, err = io.open(name, m)
  print(m, io.type(f), err)
  if f then f:close() end
end
for _, m in ipairs{"", "x", "rw", "+r", "br", "rb+", "r++", "ra", " r", "r "} do
  print(m, pcall(io.open, name, m))
end
print(pcall(io.open, name, {}))
print(pcall(io.open))
print(pcall(io.open, {}))
os.remove(name)
