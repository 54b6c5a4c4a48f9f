-- An uncaught error object with __tostring is reported through it (lua.c's msghandler),
-- also when raised from a nested call with a level.
print("before")
local E = setmetatable({}, {__tostring = function(e) return "custom error\nsecond line" end})
local function raise() error(E, 2) end
local function outer() raise() end
outer()
print("not reached")
