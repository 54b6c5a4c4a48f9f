-- Keywords cannot be used as names.
print(load("local end = 1"))
print(load("local goto = 1"))
print(load("x.and = 1"))
print(load("return {and = 1}"))
