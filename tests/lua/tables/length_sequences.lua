-- '#' of proper sequences.
print(#{}, #{1}, #{1, 2, 3}, #{"a", "b", "c", "d", "e"})
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[#t] = nil
print(#t)
t[#t + 1] = "new"
print(#t, t[100])
