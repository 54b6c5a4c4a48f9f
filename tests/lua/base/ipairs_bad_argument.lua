-- ipairs with no argument.
print(pcall(ipairs))
ipairs()
