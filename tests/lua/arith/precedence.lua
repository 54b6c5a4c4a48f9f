-- Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ^ 3 ^ 2, -2 ^ 2, not nil == true)
print(1 .. 2 .. 3, "a" .. "b" == "ab", 1 + 2 < 4, 5 - 3 - 1, 64 / 4 / 2)
print(1 < 2 == true, 2 * 3 % 4, -3 % 5, 7 // 2 * 2, 2 ^ -1)
