-- More malformed numerals.
print(load("return 1e+"))
print(load("return 0x1p"))
print(load("return 0x.p1"))
print(load("return .e1"))
print(load("return 1.e1")())
print(load("return 0e"))
