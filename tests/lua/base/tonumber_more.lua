-- More tonumber conversions.
print(tonumber("  0x1F  "), tonumber("1e+2"), tonumber("1E-2"), tonumber("0X1P-1"))
print(tonumber("10", 10), tonumber("11", 3), tonumber("Zz", 36), tonumber("1_000"))
print(tonumber("\t12\n"), tonumber("12\0"), tonumber("0b101"))
