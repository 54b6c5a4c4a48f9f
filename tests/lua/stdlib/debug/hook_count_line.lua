-- Count and line events together: both are delivered.
local evs = {}
debug.sethook(function(ev, line) evs[#evs + 1] = ev == "line" and "l" or "c" end, "l", 2)
local a = 1
local b = 2
local c = 3
debug.sethook()
local s = table.concat(evs)
print(#s > 3)
local function loop() for i = 1, 3 do end end
local evs2 = {}
debug.sethook(function(ev, line) evs2[#evs2 + 1] = ev .. ":" .. tostring(line) end, "l", 1)
loop()
debug.sethook()
print(table.concat(evs2, " "))
