-- break outside a loop is reported at compile time.
print(load("break"))
print(load("if x then break end"))
print(load("function f() break end"))
print(load("while true do local function g() break end end"))
