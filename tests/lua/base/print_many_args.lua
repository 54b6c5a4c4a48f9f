-- print with many arguments.
print(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
local t = {}
for i = 1, 50 do t[i] = i end
local function unpackn(t, i) i = i or 1; if t[i] ~= nil then return t[i], unpackn(t, i + 1) end end
print(unpackn(t))
