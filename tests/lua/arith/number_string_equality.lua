-- '==' never converts between numbers and strings.
print(1 == "1", "1" == 1, 0 == "0", "" == 0, 1.0 == "1.0")
local t = {[1] = "int", ["1"] = "str"}
print(t[1], t["1"])
