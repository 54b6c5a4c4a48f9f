-- pcall returns true and results, or false and the error.
print(pcall(function(a, b) return a + b end, 2, 3))
print(pcall(function() error("x", 0) end))
print(pcall(pcall, error, "nested"))
print(pcall(nil))
print(pcall(pcall))
