-- tonumber on numbers and numeral strings.
print(tonumber(10), tonumber(1.5), tonumber("10"), tonumber("1.5"), tonumber("0x10"))
print(tonumber(" 10 "), tonumber("1e1"), tonumber("-0x10"), tonumber("- 1"), tonumber("+5"))
print(tonumber(""), tonumber("  "), tonumber("0x"), tonumber("1 2"), tonumber("abc"))
print(tonumber("inf"), tonumber("nan"), tonumber(".5"), tonumber("5."), tonumber("0x.8"))
