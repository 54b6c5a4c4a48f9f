-- the loader gets the name and the searcher's extra value; require returns both
package.searchers = {function(name)
  return function(n, extra) return {n = n, extra = extra} end, {tag = "data"}
end}
local m, data = require("anything")
print(m.n, m.extra == data, data.tag)
print(select("#", require("anything")))
