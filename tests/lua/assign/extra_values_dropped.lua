-- Extra right-hand values are evaluated and dropped.
local calls = 0
local function f() calls = calls + 1; return calls end
local a, b = 1, 2, f()
print(a, b, calls)
local c = f(), f()
print(c, calls)
