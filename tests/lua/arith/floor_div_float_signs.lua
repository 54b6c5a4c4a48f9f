-- Float floor division for all sign combinations.
print(7.0 // 2, -7.0 // 2, 7 // -2.0, -7.5 // -2)
print(7.5 // 2, -7.5 // 2, 0.0 // 1, -0.0 // 1, 0.0 // -1)
print(1 // 0.0, -1 // 0.0, 1.0 // 0, 0.5 // 0.1)
