-- Arithmetic on a boolean at top level.
local flag = true
print(flag + 1)
