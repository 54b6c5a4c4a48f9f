-- select beyond the argument count returns nothing.
print(select(10, 1, 2, 3))
print(select("#", select(10, 1, 2, 3)))
print(select(0x7fffffffffffffff, 1))
