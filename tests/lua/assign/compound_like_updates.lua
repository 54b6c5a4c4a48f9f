-- There are no compound assignments: a += 1 is a syntax error.
print(load("a += 1"))
print(load("a++"))
local a = 1
a = a + 1
print(a)
