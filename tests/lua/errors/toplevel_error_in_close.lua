-- An uncaught error raised by __close at the end of the main chunk.
local x <close> = setmetatable({}, {__close = function() error("close failed at exit") end})
print("body done")
