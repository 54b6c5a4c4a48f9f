-- A missing 'end' names the opening line when it is another line.
print(load("if x then\n  y = 1\n"))
print(load("if x then y = 1"))
