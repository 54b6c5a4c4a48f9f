-- xpcall needs a function handler.
print(pcall(xpcall, function() end))
print(pcall(xpcall, function() end, 1))
