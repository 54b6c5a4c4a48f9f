-- Arithmetic on a numeric string and a table has no meaning.
print(pcall(function() return "10" + {} end))
print(pcall(function() return {} + "10" end))
