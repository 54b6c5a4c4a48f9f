-- Right-hand expressions are evaluated left to right.
local log = ""
local function v(name) log = log .. name; return name end
local a, b, c = v("a"), v("b"), v("c")
print(log, a, b, c)
