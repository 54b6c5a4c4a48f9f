-- An uncaught stack overflow.
local function deep(n) local x = deep(n + 1) return x end
deep(1)
