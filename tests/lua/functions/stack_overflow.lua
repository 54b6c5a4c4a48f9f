-- Unbounded non-tail recursion is a "stack overflow" error.
local function rec(n) return 1 + rec(n + 1) end
local ok, err = pcall(rec, 1)
print(ok, err)
