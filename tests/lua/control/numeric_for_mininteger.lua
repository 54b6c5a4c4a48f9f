-- Loops ending at mininteger terminate without overflow.
local mini = -0x7fffffffffffffff - 1
local n = 0
for i = mini + 2, mini, -1 do n = n + 1; print(i) end
print(n)
for i = mini, mini, -1 do print("once", i) end
for i = mini + 5, mini, -10 do print("step", i) end
