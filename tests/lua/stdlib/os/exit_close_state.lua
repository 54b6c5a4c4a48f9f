-- os.exit(code, true) closes the state first: the main thread's pending to-be-closed
-- variables are closed innermost first (a failing __close hands its error to the next ones),
-- then every object with __gc is finalized, newest first, and buffered output is flushed.
-- Variables of a suspended coroutine are not closed.
local keep = {}
for i = 1, 3 do keep[i] = setmetatable({}, {__gc = function() print("gc", i) end}) end
local a <close> = setmetatable({}, {__close = function(_, e)
  print("close a", type(e), (tostring(e):match("^[^\n]*")))
end})
local b <close> = setmetatable({}, {__close = function(_, e)
  print("close b", e)
  error("b failed", 0)
end})
do
  local c <close> = setmetatable({}, {__close = function(_, e) print("close c", e) end})
  local co = coroutine.wrap(function()
    local d <close> = setmetatable({}, {__close = function() print("close d (never)") end})
    coroutine.yield()
  end)
  co()
  local function deeper()
    local e <close> = setmetatable({}, {__close = function(_, err) print("close e", err) end})
    io.write("pending output ")
    pcall(os.exit, 5, true)
  end
  deeper()
end
print("not reached")
