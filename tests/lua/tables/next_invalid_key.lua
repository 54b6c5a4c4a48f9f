-- next with a key that is not in the table is an error.
local t = {a = 1}
print(pcall(next, t, "missing"))
print(pcall(next, t, 1))
print(pcall(next))
print(pcall(next, nil))
