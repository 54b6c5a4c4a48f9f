-- require finds Lua files along package.path, passes the file name, caches the result
local dir = "/tmp/rupa_pkg_require_lua_file"
os.execute("rm -rf " .. dir .. " && mkdir -p " .. dir .. "/sub/pkg")
local function write(name, text)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
end
write("mod.lua", "print('running mod', ...) return {name = ...}")
write("sub/inner.lua", "return 'inner:' .. select(1, ...)")
write("sub/pkg/init.lua", "return 'init of ' .. ...")
package.path = dir .. "/?.lua;" .. dir .. "/?/init.lua"
local m, file = require("mod")
print(m.name, file)
print(require("mod") == m)
print(require("sub.inner"))
print(require("sub.pkg"))
print(package.loaded["sub.inner"], package.loaded["sub.pkg"])
os.execute("rm -rf " .. dir)
