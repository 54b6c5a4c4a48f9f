-- Tail calls forward multiple values.
local function count(n, ...) if n == 0 then return select("#", ...), ... end return count(n - 1, ...) end
print(count(500000, "x", nil, "z"))
