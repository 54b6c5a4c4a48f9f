-- error accepts any value and an optional level.
print(pcall(error, "msg", 0))
print(pcall(error, "msg", "x"))
print(pcall(error, "msg", 1.5))
