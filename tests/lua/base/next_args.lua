-- next argument checks and nil key.
print(next({}, nil))
print(next({"a"}, nil))
print(pcall(next, {}, "x"))
print(pcall(next, "str"))
