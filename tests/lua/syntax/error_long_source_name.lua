-- Syntax errors in multi-line sources show only the first line.
print(load("local a = 1\nlocal b = 2\nreturn a +"))
print(load("\nreturn +"))
