-- pcall calling builtin functions directly.
print(pcall(type, 1))
print(pcall(tostring, nil))
print(pcall(setmetatable, {}, {}) == true)
print(pcall(rawlen, {1, 2}))
