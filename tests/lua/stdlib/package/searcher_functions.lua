-- calling the standard searchers directly
local s = package.searchers
package.preload.pre = function() return "P" end
print(select("#", s[1]("pre")), select(2, s[1]("pre")))
print(s[1]("nope"))
package.path = "/tmp/rupa_pkg_nowhere/?.lua"
package.cpath = "/tmp/rupa_pkg_nowhere/?.so"
print(s[2]("m"))
print(s[3]("m"))
print(s[4]("m"))
print(s[4]("m.sub"))
print(pcall(s[1]))
print(pcall(s[2], {}))
