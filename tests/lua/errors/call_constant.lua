-- Calling constants.
print(pcall(function() ("text")() end))
print(pcall(function() (42)() end))
print(pcall(function() (true)() end))
