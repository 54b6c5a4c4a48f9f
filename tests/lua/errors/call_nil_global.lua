-- Calling an undefined global function.
print("before")
undefined_function("arg")
