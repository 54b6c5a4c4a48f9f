-- ... in the middle of an argument list gives one value.
local function f(...) return ... end
print(f(1, 2), f(3, 4))
print((f(5, 6)))
print(f(), "x")
