-- Unclosed function bodies.
print(load("local function f()\n  return 1\n\n"))
print(load("f = function() return 1"))
