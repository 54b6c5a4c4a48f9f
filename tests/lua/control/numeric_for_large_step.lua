-- Large steps skip past the limit without overflow.
local maxi = 0x7fffffffffffffff
for i = 1, maxi, maxi // 2 do print(i) end
for i = -1, -maxi, -(maxi // 2) do print(i) end
