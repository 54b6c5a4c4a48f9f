-- goto is a reserved word; '::' needs a name.
print(load("local goto = 1"))
print(load(":: ::"))
print(load("::a"))
