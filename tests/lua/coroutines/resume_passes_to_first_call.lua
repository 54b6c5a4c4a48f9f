-- The first resume passes its values as the function's arguments.
local co = coroutine.create(function(...) return select("#", ...), ... end)
print(coroutine.resume(co, nil, "x", nil))
