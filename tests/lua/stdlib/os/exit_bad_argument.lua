-- os.exit checks its status argument
print(pcall(os.exit, "x"))
print(pcall(os.exit, 1.5))
print(pcall(os.exit, {}))
