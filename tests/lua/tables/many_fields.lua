-- Tables with many array and hash entries.
local t = {}
for i = 1, 10000 do t[i] = i end
for i = 1, 10000 do t["k" .. i] = i end
local n, s = 0, 0
for k, v in pairs(t) do n = n + 1; s = s + v end
print(#t, n, s)
