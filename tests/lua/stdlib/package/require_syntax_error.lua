-- a module with a syntax error: "error loading module"
local dir = "/tmp/rupa_pkg_syntax_error"
os.execute("mkdir -p " .. dir)
local f = assert(io.open(dir .. "/bad.lua", "w"))
f:write("x = = 1")
f:close()
package.path = dir .. "/?.lua"
print(pcall(require, "bad"))
print(pcall(function() return require("bad") end))
print(package.loaded.bad)
os.execute("rm -rf " .. dir)
