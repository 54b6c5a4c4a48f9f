-- The coroutine library's functions.
local names = {"close", "create", "isyieldable", "resume", "running", "status", "wrap", "yield"}
for _, n in ipairs(names) do print(n, type(coroutine[n])) end
