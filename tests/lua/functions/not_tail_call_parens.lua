-- return (f()) is not a tail call and truncates to one value.
local function two() return 1, 2 end
local function f() return (two()) end
print(f())
local function g() return two(), 3 end
print(g())
