-- Expressions that start with a token that cannot start one.
print(load("x = )"))
print(load("x = ,"))
print(load("x = then"))
print(load("return return"))
print(load("x = 1 + * 2"))
