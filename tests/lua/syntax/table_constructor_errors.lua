-- Table constructor syntax errors.
print(load("return {1 2}"))
print(load("return {[1] 2}"))
print(load("return {a = }"))
print(load("return {,}"))
print(load("return {1,,2}"))
