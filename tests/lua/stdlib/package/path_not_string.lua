-- the Lua and C searchers want string paths
local searchers = package.searchers
package.path = nil
print(pcall(require, "x1"))
package.path = "/tmp/rupa_pkg_nowhere/?.lua"
package.cpath = {}
print(pcall(require, "x2"))
package.cpath = 5
print(pcall(require, "x3"))
print(pcall(searchers[2], "x4"))
