-- rawequal needs two arguments.
print(pcall(rawequal))
print(pcall(rawequal, 1))
print(rawequal(1, 1), rawequal({}, {}))
