-- Clearing array entries while iterating with next.
local t = {}
for i = 1, 10 do t[i] = i end
local n = 0
for k in pairs(t) do n = n + 1; t[k] = nil end
print(n, #t, next(t))
