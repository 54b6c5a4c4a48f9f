-- A <close> local is also read-only.
print(load("local x <close> = nil; x = 1"))
