-- Assigning to a <const> local is a compile-time error.
print(load("local x <const> = 1; x = 2"))
print(load("local a, b <const> = 1, 2; a = 3; b = 4"))
print(load("local c <const> = 1; function f() c = 2 end"))
