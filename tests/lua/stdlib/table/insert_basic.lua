-- table.insert at the end and at positions, including pos = #t + 1
local t = {}
table.insert(t, "a"); table.insert(t, "b"); table.insert(t, 1, "c"); table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
print(#t, table.concat(t, ","))
table.insert(t, 3, nil) -- inserting nil shifts
print(#t, t[3], t[4], t[6])
local u = {n = 1}
table.insert(u, 10)
print(u[1], u.n)
