-- Decimal strings beyond the integer range convert to floats.
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"))
print(tonumber("-9223372036854775808"), tonumber("-9223372036854775809"))
print(tonumber("0xffffffffffffffff"), tonumber("1" .. "0000000000000000000000"))
