-- Count hooks fire every n instructions; gethook reports the settings.
local n = 0
debug.sethook(function(ev, arg) n = n + 1; assert(ev == "count" and arg == nil) end, "", 1)
local x = 0
for i = 1, 10 do x = x + i end
debug.sethook()
print(n > 20, n < 200)
print(debug.gethook())
local f = function() end
debug.sethook(f, "", 7)
local h, m, c = debug.gethook()
debug.sethook()
print(h == f, m, c)
debug.sethook(f, "lcr", 3)
h, m, c = debug.gethook()
debug.sethook()
print(h == f, m, c)
debug.sethook(f, "rc")
h, m, c = debug.gethook()
debug.sethook()
print(h == f, m, c)
debug.sethook(f, "")
print(debug.gethook())
debug.sethook(f, "", 0)
print(debug.gethook())
debug.sethook(f, "", -5)
print(debug.gethook())
debug.sethook(f, "xyz")
print(debug.gethook())
