-- Index 0 is an ordinary hash key.
local t = {[0] = "zero", "one", "two"}
print(#t, t[0], t[1])
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n)
