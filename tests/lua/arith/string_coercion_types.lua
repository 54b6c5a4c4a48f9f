-- The subtype of a converted string follows the string's numeral.
print("10" + 0, "10.0" + 0, "1e1" + 0, "0x1p4" + 0, "10" * 1.0)
print("9223372036854775807" + 0, "9223372036854775808" + 0)
