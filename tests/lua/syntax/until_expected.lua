-- A repeat without until.
print(load("repeat\n x = 1\n"))
print(load("repeat x = 1 end"))
