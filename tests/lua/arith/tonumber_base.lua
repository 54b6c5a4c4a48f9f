-- tonumber with an explicit base.
print(tonumber("10", 2), tonumber("ff", 16), tonumber("FF", 16), tonumber("z", 36))
print(tonumber("777", 8), tonumber("8", 8), tonumber("  11  ", 2), tonumber("-ff", 16))
print(tonumber("1.0", 10), tonumber("", 10), tonumber("zz", 36), tonumber("10", 36))
print(tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16))
