-- A goto without a visible label.
print(load("goto nowhere"))
print(load("do ::l:: end goto l"))
print(load("\n\ngoto x\nlocal y"))
