-- select with out-of-range or non-numeric indices.
print(pcall(select, 0, "a"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, "x"))
print(pcall(select))
print(select(1.0, "ok"), select("2", "a", "b"))
