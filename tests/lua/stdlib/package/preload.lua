-- a preload loader runs once, gets the name and ":preload:", and its result is cached
local calls = 0
package.preload.pm = function(...)
  calls = calls + 1
  print("loading", ...)
  return {value = 42}
end
local m, extra = require("pm")
print(m.value, extra, calls)
local again = require("pm")
print(again == m, calls, select("#", require("pm")))
print(package.loaded.pm == m)
