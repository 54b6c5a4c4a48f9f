-- assert with no arguments.
assert()
