-- An uncaught error(string) at top level.
print("line before")
error("fatal problem")
