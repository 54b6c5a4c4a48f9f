-- Only the handler's first result is returned.
print(xpcall(function() error("a") end, function() return 1, 2, 3 end))
print(xpcall(function() error("a") end, function() end))
