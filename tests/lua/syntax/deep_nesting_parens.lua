-- Deeply nested parentheses hit the syntax-level limit.
-- (load runs under pcall: the "C stack overflow" error would otherwise reach
-- the standalone interpreter's message handler, which adds a traceback.)
local src = "return "
for i = 1, 300 do src = src .. "(" end
src = src .. "1"
for i = 1, 300 do src = src .. ")" end
print(pcall(load, src))
local ok = "return "
for i = 1, 100 do ok = ok .. "(" end
ok = ok .. "1"
for i = 1, 100 do ok = ok .. ")" end
print(load(ok)())
