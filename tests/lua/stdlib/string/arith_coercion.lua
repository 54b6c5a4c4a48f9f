-- arithmetic on strings: numerals convert (integers stay integers), through every operator
print("10" + 1, "10" - 1, "10" * 2, "10" / 4, "10" % 3, "2" ^ 10, "10" // 3, -"10")
print("10.5" + 1, "0x10" + 0, "1e2" * 1, " 5 " + 0, "5." + 0, ".5" + 0)
print(10 + "1", 2 * "0x7fffffffffffffff", "-0" + 0, -"-0")
print("9007199254740993" + 0, "9223372036854775807" + 1, "9223372036854775808" + 0)
print("3" // "0.0", "-3" % "1e400", pcall(function() return "3" // "0" end))
print(pcall(function() return "3" % "0" end))
print("1" + "2", "1.0" + "2")
