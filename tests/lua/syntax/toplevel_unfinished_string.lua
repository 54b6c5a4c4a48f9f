-- A top-level file with an unfinished string.
print("fine")
print("broken)
