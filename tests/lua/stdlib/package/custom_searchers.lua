-- custom searchers: messages are collected, nil adds nothing, a function is the loader
package.searchers = {
  function(n) return nil end,
  function(n) return "\n\tcustom one" end,
  function(n) return 42 end,
  function(n) return {} end,
}
print(pcall(require, "zz"))
package.searchers = {
  function(n) return "first" end,
  function(n) return function(name, extra) return "loaded " .. name .. " with " .. extra end, "xtra" end,
}
print(require("yy"))
print(pcall(require, "qq"))
package.searchers = {function(n) error("searcher failed") end}
print(pcall(require, "ww"))
package.searchers = {42}
print(pcall(require, "vv"))
