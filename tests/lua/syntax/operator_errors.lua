-- Binary operators without right operands, and misplaced ones.
print(load("return 1 +"))
print(load("return 1 .. "))
print(load("return not"))
print(load("return 1 == == 2"))
print(load("return a.1"))
