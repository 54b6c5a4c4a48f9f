-- table functions inside coroutines, with metamethods that call Lua functions
local p = setmetatable({}, {
  __index = function(_, k) return k * 3 end,
  __len = function() return 4 end,
})
local co = coroutine.create(function(x)
  local s = table.concat(p, "-")
  local y = coroutine.yield(s)
  local t = {y, 3, 1, 2}
  table.sort(t, function(a, b) return a > b end)
  coroutine.yield(table.concat(t, ","))
  return table.unpack(p)
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co))
print(coroutine.resume(co))
