-- Weak keys are removed once the key is collected.
local t = setmetatable({}, {__mode = "k"})
local keep = {}
t[keep] = "kept"
t[{}] = "dropped"
t["str"] = "string key stays"
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[keep], t.str)
