local s = "hello" .. " " .. "world"
print(#s, s == "hello world", s < "hellp", "a" <= "a", "" .. 1.5 .. -0.0 .. 1e100)
print(tostring(nil), tostring(true), tostring(12), tostring(1.25), tonumber("0x10"), tonumber("  7  "))
print(tonumber("z", 36), tonumber("1e2"), tonumber(""), tonumber("10", 2), "10" + 5, "3" * "4")
print(10 .. "", 2^63, math_maxinteger, -9223372036854775808, 9007199254740993)
