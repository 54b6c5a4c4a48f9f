-- Weak values are removed once collected; strings and numbers stay.
local t = setmetatable({}, {__mode = "v"})
t[1] = {}
t[2] = "string"
t[3] = 42
local keep = {}
t[4] = keep
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[1], t[2], t[3], t[4] == keep)
