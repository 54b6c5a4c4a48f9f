-- a required file runs with the globals as its environment and sees its varargs
local dir = "/tmp/rupa_pkg_require_module_env"
os.execute("mkdir -p " .. dir)
local f = assert(io.open(dir .. "/g.lua", "w"))
f:write("local name, file = ...\nGLOBAL_FROM_MODULE = name\nreturn select('#', ...)\n")
f:close()
package.path = dir .. "/?.lua"
print(require("g"), GLOBAL_FROM_MODULE)
print(package.loaded.g)
os.execute("rm -rf " .. dir)
