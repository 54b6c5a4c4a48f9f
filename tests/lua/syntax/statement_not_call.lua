-- An expression that is not a call or assignment is not a statement.
print(load("x"))
print(load("1 + 1"))
print(load("(f)"))
print(load("f() = 1"))
print(load("x.y"))
