-- __call results are returned like a normal call's.
local f = setmetatable({}, {__call = function(_, ...) return select("#", ...), ... end})
print(f("a", nil, "c"))
local t = {f(1, 2)}
print(#t)
