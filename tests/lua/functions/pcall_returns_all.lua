-- pcall returns true plus all results of the called function.
print(pcall(function() return 1, 2, 3 end))
print(select("#", pcall(function() end)))
print(pcall(function(...) return ... end, "a", nil))
