-- the "module not found" message lists every place searched
package.path = "/tmp/rupa_pkg_nowhere/?.lua;/tmp/rupa_pkg_nowhere/?/init.lua"
package.cpath = "/tmp/rupa_pkg_nowhere/?.so"
print(pcall(require, "nomod"))
print(pcall(require, "a.b.c"))
package.path = ""
package.cpath = ""
print(pcall(require, "empty"))
package.path = "/tmp/rupa_pkg_nowhere/?.lua;;x?y"
print(pcall(require, "m"))
