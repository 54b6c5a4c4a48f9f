-- '#' follows pushes and pops at the end.
local t = {}
for i = 1, 10 do t[#t + 1] = i * i end
print(#t, t[10])
for i = 1, 5 do t[#t] = nil end
print(#t, t[5], t[6])
for i = 1, 5 do t[#t] = nil end
print(#t, next(t))
