-- In 't[i], i = ...' the table index is evaluated before the assignment.
local t = {}
local i = 1
t[i], i = "first", 2
print(t[1], t[2], i)
