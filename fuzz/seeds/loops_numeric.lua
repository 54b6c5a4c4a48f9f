local c = 0
for i = math_maxinteger or 9223372036854775806, 9223372036854775807 do c = c + 1 end
for i = -9223372036854775807, -9223372036854775808, -1 do c = c + 1 end
for i = 1, 0 do c = c + 100 end
for i = 1, 3.5 do c = c + 1 end
for i = 0.1, 0.35, 0.1 do c = c + 1 end
print(c)
print(pcall(function() for i = "a", 2 do end end))
