-- At end of input the error is reported near <eof>.
print(load("x ="))
print(load("f("))
print(load("if x then"))
