-- a byte-order mark and a first line starting with # are skipped; line numbers stay right
local name = "/tmp/rupa_pkg_loadfile_prefixes.lua"
local cases = {
  "#!/usr/bin/lua\nreturn 1",
  "\239\187\191return 2",
  "\239\187\191#comment\nreturn 3",
  "#only a comment",
  "#!x\nerror('line two')",
  "\n\nerror('line three')",
}
for _, src in ipairs(cases) do
  local f = assert(io.open(name, "w"))
  f:write(src)
  f:close()
  print(pcall(dofile, name))
end
os.remove(name)
