-- '...' is only valid in vararg functions.
print(load("function f() return ... end"))
print(load("local function g(a) local t = {...} end"))
print(load("return ...") ~= nil)
print(load("function h(...) return function() return ... end end"))
