-- setmetatable with a bad first argument.
print(pcall(setmetatable, nil, {}))
setmetatable("str", {})
