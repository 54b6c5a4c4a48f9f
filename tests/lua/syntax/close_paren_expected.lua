-- Missing closing parentheses and brackets.
print(load("x = (1 + 2"))
print(load("f(1, 2"))
print(load("x = t[1"))
print(load("x = {1, 2"))
print(load("x = (1\n+\n2"))
