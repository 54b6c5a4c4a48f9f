-- Characters outside the language are reported with their code.
print(load("x = 1 @ 2"))
print(load("x = $"))
print(load("x = \1"))
print(load("!"))
