-- dofile returns all results; loadfile gives a function, with an optional env
local name = "/tmp/rupa_pkg_dofile_loadfile.lua"
local f = assert(io.open(name, "w"))
f:write("local a, b = ...\nx = (x or 0) + 1\nreturn a, b, x, 'end'\n")
f:close()
x = 10
print(dofile(name))
local fn = loadfile(name)
print(type(fn), fn(1, 2))
local env = {}
fn = loadfile(name, "t", env)
print(fn("e"))
print(env.x, x)
fn = loadfile(name, "bt", nil)
print(pcall(fn))
os.remove(name)
