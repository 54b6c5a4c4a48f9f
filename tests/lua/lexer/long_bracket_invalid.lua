-- '[=' not followed by '[' is an invalid long string delimiter.
print(load("return [=x]"))
print(load("return [==="))
