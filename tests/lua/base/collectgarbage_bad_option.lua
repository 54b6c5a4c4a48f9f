-- An invalid option is an argument error.
print(pcall(collectgarbage, "nope"))
print(pcall(collectgarbage, 1))
collectgarbage("bogus")
