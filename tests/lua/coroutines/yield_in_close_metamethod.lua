-- A __close metamethod may yield (5.4.3+).
local co = coroutine.wrap(function()
  do
    local x <close> = setmetatable({}, {__close = function() coroutine.yield("in close") end})
  end
  return "after block"
end)
print(co())
print(co())
