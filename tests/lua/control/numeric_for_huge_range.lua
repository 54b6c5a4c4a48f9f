-- Iteration counts are computed without overflow for the full range.
local maxi, mini = 0x7fffffffffffffff, -0x7fffffffffffffff - 1
local n = 0
for i = mini, maxi, maxi do n = n + 1; print(i) end
print(n)
for i = maxi, mini, mini do print(i) end
for i = 0, maxi, 0x4000000000000000 do print(i) end
