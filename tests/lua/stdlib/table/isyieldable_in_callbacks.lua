-- Inside a call made without a continuation (sort comparator, gsub callback, __tostring from
-- tostring, __lt from math.max, xpcall's handler) the coroutine is not yieldable; inside
-- pcall and in metamethods called from Lua code it is.
coroutine.wrap(function()
  table.sort({1, 2}, function(a, b) print("sort", coroutine.isyieldable()) return a < b end)
  string.gsub("a", "a", function() print("gsub", coroutine.isyieldable()) end)
  tostring(setmetatable({}, {__tostring = function() print("tostring", coroutine.isyieldable()) return "x" end}))
  local lt = {__lt = function() print("lt", coroutine.isyieldable()) return true end}
  math.max(setmetatable({}, lt), setmetatable({}, lt))
  local _ = setmetatable({}, lt) < setmetatable({}, lt)
  pcall(function() print("pcall", coroutine.isyieldable()) end)
  xpcall(error, function() print("handler", coroutine.isyieldable()) end)
  print("after", coroutine.isyieldable(), coroutine.isyieldable(coroutine.running()))
end)()
