-- Filling a sparse table makes it a sequence.
local t = {}
t[5] = 5; t[3] = 3; t[1] = 1; t[4] = 4; t[2] = 2
print(#t)
local s = 0
for i, v in ipairs(t) do s = s + v end
print(s)
