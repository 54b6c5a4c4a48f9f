-- Iterating a non-function value is an error.
print(pcall(function() for x in 5 do end end))
local t = {1, 2}
for x in t do print(x) end
