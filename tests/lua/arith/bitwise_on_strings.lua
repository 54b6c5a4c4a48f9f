-- Strings are not converted by bitwise operators (5.4 has no string coercion there).
print(pcall(function() return "3" | 0 end))
print(pcall(function() local s = "0x10" return s & 0xFF end))
print(pcall(function() return 1 << "2" end))
print(pcall(function() return ~"0" end))
local n = "7"
print(n ~ 1)
