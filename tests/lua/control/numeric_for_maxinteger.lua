-- Loops ending at maxinteger terminate without overflow.
local maxi = 0x7fffffffffffffff
local n = 0
for i = maxi - 2, maxi do n = n + 1; print(i) end
print(n)
for i = maxi, maxi, 1 do print("once", i) end
for i = maxi - 1, maxi, 10 do print("step", i) end
