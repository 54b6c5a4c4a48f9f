-- Integer floor division rounds toward minus infinity for all sign combinations.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(6 // 3, -6 // 3, 6 // -3, -6 // -3)
print(0 // 5, 0 // -5, 1 // 7, -1 // 7)
