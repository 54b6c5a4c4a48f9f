-- Only names, fields and indexes can be assigned.
print(load("(x) = 1"))
print(load("1 = 2"))
print(load("x, f() = 1, 2"))
print(load("'s' = 1"))
