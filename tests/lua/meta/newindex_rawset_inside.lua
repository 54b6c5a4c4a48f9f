-- __newindex storing with rawset; later writes are raw.
local calls = 0
local t = setmetatable({}, {__newindex = function(self, k, v) calls = calls + 1; rawset(self, k, v * 2) end})
t.x = 5
t.x = 7
print(t.x, calls)
