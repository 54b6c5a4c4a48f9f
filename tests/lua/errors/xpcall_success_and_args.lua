-- On success xpcall returns true and all results; extra args go to the function.
print(xpcall(function(...) return select("#", ...), ... end, print, "a", nil))
print(xpcall(function() return end, print))
