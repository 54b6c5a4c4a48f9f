-- A key whose value became nil is absent again: __newindex fires.
local calls = 0
local t = setmetatable({}, {__newindex = function(self, k, v) calls = calls + 1; rawset(self, k, v) end})
t.x = 1
t.x = nil
t.x = 2
print(t.x, calls)
