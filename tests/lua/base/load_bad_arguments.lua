-- load argument errors.
print(pcall(load))
print(pcall(load, 42))
print(pcall(load, "return 1", "n", "q"))
print(load("return 1", nil, nil, nil)())
