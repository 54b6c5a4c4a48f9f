-- a file in a <close> variable is closed at the end of its block
local name = "/tmp/rupa_io_close_variable"
local saved
do
  local f <close> = assert(io.open(name, "w"))
  saved = f
  f:write("written")
end
print(io.type(saved), tostring(saved))
local g <close> = assert(io.open(name))
print(g:read("a"))
os.remove(name)
