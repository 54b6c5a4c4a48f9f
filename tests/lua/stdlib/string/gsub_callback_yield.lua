-- A gsub replacement function or replacement table's `__index` cannot yield (lua_call
-- without a continuation); yielding around gsub and in gmatch loops still works.
local co = coroutine.wrap(function()
  return pcall(string.gsub, "abc", "%w", function(c) coroutine.yield(c) end)
end)
print(co())
local t = setmetatable({}, {__index = function(_, k) coroutine.yield(k) return "z" end})
co = coroutine.wrap(function() return pcall(string.gsub, "abc", "%w", t) end)
print(co())
co = coroutine.wrap(function()
  local n = 0
  for w in string.gmatch("one two", "%a+") do coroutine.yield(w) n = n + 1 end
  return (string.gsub("one two", "%a+", function(w) return w:upper() end)), n
end)
print(co(), co(), co())
