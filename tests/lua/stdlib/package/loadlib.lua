-- package.loadlib argument checks
print(pcall(package.loadlib))
print(pcall(package.loadlib, "x"))
print(pcall(package.loadlib, "x", {}))
print(select("#", package.loadlib("/tmp/rupa_no_such_lib.so", "f")))
