-- With __mode 'kv' an entry goes if either side is collected.
local t = setmetatable({}, {__mode = "kv"})
local k, v = {}, {}
t[k] = {}
t[{}] = v
t[k] = nil
t[k] = v
t.x = {}
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[k] == v)
