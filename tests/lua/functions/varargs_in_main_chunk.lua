-- The main chunk is a vararg function (no script arguments here).
print(select("#", ...))
local f = load("return select('#', ...), ...")
print(f(1, 2, 3))
