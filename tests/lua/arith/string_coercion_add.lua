-- Arithmetic on numeric strings converts them.
print("10" + 5, "3.0" + 1, "0x10" * 1, " 5 " + 0, "1e2" + 0)
print("10" - "4", "2" * "3", "7" / "2", "7" // "2", "7" % "3", "2" ^ "3")
print(-"2", -"2.5", - "0x10", "10" + 0 == 10)
