-- warn: arguments must be strings (numbers convert); control messages are accepted silently.
print(pcall(warn))
print(pcall(warn, "a", nil))
print(pcall(warn, {}))
print(pcall(warn, "x", 1, 2.5))
print(pcall(warn, "@off"))
print(pcall(warn, "@unknown"))
print(select("#", warn("@off")))
