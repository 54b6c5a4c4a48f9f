-- Syntax errors quote the token they are near.
print(load("x = = 1"))
print(load("x = 1 1"))
print(load("local 1 = 2"))
print(load("x = 'str' 'str'"))
