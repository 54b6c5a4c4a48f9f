-- '--' always starts a comment, even after an expression.
local x = 5
print(x --1
)
print(x - -1)
