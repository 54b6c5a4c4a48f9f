-- A label defined twice in the same function scope.
print(load("::a:: ::a::"))
print(load("::a::\ndo ::a:: end"))
print(load("::a:: function f() ::a:: end") ~= nil)
