-- An error in the handler gives 'error in error handling'.
print(xpcall(function() error("a") end, function(m) error("b") end))
