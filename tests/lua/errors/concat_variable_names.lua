-- Concatenation errors name the offending operand.
local t = {}
print(pcall(function() local a; return "x" .. a end))
print(pcall(function() return g_missing .. "x" end))
print(pcall(function() return "a" .. t.b .. "c" end))
print(pcall(function() return 1 .. {} end))
