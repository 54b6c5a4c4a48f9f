-- load compiles a string; the chunk is a vararg function.
local f = load("return 1 + 2")
print(f())
local g = load("local a, b = ... return b, a")
print(g("x", "y"))
print(load("syntax error here"))
