-- Comparing a number with a string (or other types) is an error.
print(pcall(function() return 1 < "2" end))
print(pcall(function() return "1" <= 2 end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil > 1 end))
print(pcall(function() return true >= false end))
print(1 == "1", "a" < "b", "a" < "B", "" < "a", "abc" <= "abd")
