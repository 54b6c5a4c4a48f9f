-- os.getenv returns strings or nil and wants a string argument
print(os.getenv("RUPA_SURELY_NOT_SET_12345"))
print(type(os.getenv("PATH")))
print(os.getenv(""), os.getenv("A=B"))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))
print(pcall(os.getenv, nil))
print(os.getenv(12345))
