-- Method call syntax requires arguments; a:b is not an expression.
print(load("x = a:b"))
print(load("a:b()") ~= nil)
print(load("a:b{}") ~= nil)
print(load("a:b'x'") ~= nil)
print(load("a:1()"))
