-- an error raised in a dofile'd chunk ends the script with the chunk's position
local name = "/tmp/rupa_pkg_dofile_error_uncaught.lua"
local f = assert(io.open(name, "w"))
f:write("local t = nil\nreturn t.field\n")
f:close()
dofile(name)
