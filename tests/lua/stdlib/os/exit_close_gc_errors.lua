-- os.exit(false, true): a failing __gc does not stop the others; the status is 1.
local keep = {
  setmetatable({}, {__gc = function() print("first registered") end}),
  setmetatable({}, {__gc = function() error("gc failed") end}),
  setmetatable({}, {__gc = function() print("last registered") end}),
}
local mt = {__gc = function(o) print("shared metatable", o.n) end}
keep[4] = setmetatable({n = 1}, mt)
keep[5] = setmetatable({n = 2}, mt)
os.exit(false, true)
