-- tostring requires an argument.
print(pcall(tostring))
print(tostring(nil), tostring(false), tostring(true))
