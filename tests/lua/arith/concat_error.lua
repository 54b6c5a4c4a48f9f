-- '..' on tables, nil and booleans is an error naming the operand.
print(pcall(function() return "a" .. {} end))
print(pcall(function() local x; return x .. "a" end))
print(pcall(function() return "a" .. true end))
print(pcall(function() local t = {} return "x" .. t.k end))
