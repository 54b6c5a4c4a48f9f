-- Form feed, vertical tab, carriage return and tab are whitespace.
local f = load("local\ta\f=\v1\rreturn\t\ta")
print(f())
print(load("return\r\n1\n\r+\n2")())
