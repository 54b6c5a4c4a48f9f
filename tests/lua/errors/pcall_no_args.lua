-- pcall requires a value to call.
print(pcall(pcall))
pcall()
