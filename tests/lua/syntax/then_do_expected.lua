-- Missing 'then', 'do', '=' and 'in'.
print(load("if x y = 1 end"))
print(load("while x y = 1 end"))
print(load("for i 1, 2 do end"))
print(load("for a, b pairs(t) do end"))
print(load("for i = 1 do end"))
