-- coroutine.close closes pending to-be-closed variables.
local co = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("close a", e) end})
  local b <close> = setmetatable({}, {__close = function(_, e) print("close b", e) end})
  coroutine.yield("suspended")
end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.status(co))
