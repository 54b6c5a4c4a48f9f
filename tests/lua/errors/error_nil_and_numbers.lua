-- error with nil, numbers and booleans: no position is added.
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, 42))
print(pcall(error, 4.5))
print(pcall(error, false))
print(select("#", pcall(error)))
