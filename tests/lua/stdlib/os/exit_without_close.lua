-- os.exit(code) without `close` ends at once: no __close, no __gc, output still flushed.
local keep = setmetatable({}, {__gc = function() print("gc (never)") end})
local x <close> = setmetatable({}, {__close = function() print("close (never)") end})
io.write("flushed")
os.exit(3)
