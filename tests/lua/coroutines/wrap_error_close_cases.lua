-- coroutine.wrap errors: a running coroutine is not closed; nil errors and __close errors get
-- the caller's position like any string error the wrapped function propagates.
local w
w = coroutine.wrap(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("closed", e) end})
  print(pcall(w))
  coroutine.yield("y")
  return "r"
end)
print(w())
print(w())
print(pcall(w))
-- error object nil
local w2 = coroutine.wrap(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("closed2", e) end})
  error()
end)
print(pcall(w2))
-- __close error with string gets position prefix from wrap caller level
local function caller()
  local w3 = coroutine.wrap(function()
    local x <close> = setmetatable({}, {__close = function(_, e) error("from close", 0) end})
    error("orig")
  end)
  w3()
end
print(pcall(caller))
-- wrap killed by error at level 0 string: prefix added
local function caller2()
  local w4 = coroutine.wrap(function() error("lvl0", 0) end)
  w4()
end
print(pcall(caller2))
