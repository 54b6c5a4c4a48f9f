-- In 'i, t[i] = ...' the subscript uses the old value of i.
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
