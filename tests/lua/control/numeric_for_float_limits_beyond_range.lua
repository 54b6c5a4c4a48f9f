-- Integer loops with float limits outside the integer range are clipped.
local maxi, mini = 0x7fffffffffffffff, -0x7fffffffffffffff - 1
for i = maxi - 1, 1e100 do print(i) end
for i = mini + 1, -1e100, -1 do print(i) end
for i = 1, -1e100 do print("never") end
for i = mini, 2^63, maxi do print(i) end
