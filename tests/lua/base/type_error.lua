-- type needs an argument.
print(pcall(type))
type()
