-- An uncaught error from a wrapped coroutine at top level.
local f = coroutine.wrap(function() local x = nil; return x.field end)
f()
