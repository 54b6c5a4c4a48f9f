-- assert returns all its arguments on success.
print(assert(1, 2, 3))
print(assert("v"))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, 42))
print(pcall(assert))
