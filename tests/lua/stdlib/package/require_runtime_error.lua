-- an error inside a module propagates, and the module is not marked loaded
local dir = "/tmp/rupa_pkg_runtime_error"
os.execute("mkdir -p " .. dir)
local f = assert(io.open(dir .. "/boom.lua", "w"))
f:write("local x = 1\nerror('boom in module')\n")
f:close()
package.path = dir .. "/?.lua"
print(pcall(require, "boom"))
print(package.loaded.boom)
package.preload.tab = function() error({code = 7}) end
local ok, e = pcall(require, "tab")
print(ok, type(e), e.code)
os.execute("rm -rf " .. dir)
