-- Hooks across protected calls, errors and coroutines.
local evs = {}
local function bad() error("x") end
debug.sethook(function(ev) local i = debug.getinfo(2, "S") evs[#evs + 1] = ev .. "/" .. i.what end, "cr")
local ok = pcall(bad)
local co = coroutine.wrap(function() coroutine.yield(1) end)
co()
debug.sethook()
print(ok, table.concat(evs, " "))
