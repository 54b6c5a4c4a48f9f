-- '...' must be the last parameter.
print(load("function f(..., a) end"))
print(load("function f(a, ...) end") ~= nil)
print(load("function f(a,) end"))
print(load("function f(1) end"))
