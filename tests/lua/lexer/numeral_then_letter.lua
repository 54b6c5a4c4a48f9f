-- A numeral directly followed by a letter or underscore is malformed.
print(load("return 12abc"))
print(load("return 3_000"))
print(load("return 0x1pz"))
