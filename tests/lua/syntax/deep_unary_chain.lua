-- A long chain of unary operators.
-- (load runs under pcall: the "C stack overflow" error would otherwise reach
-- the standalone interpreter's message handler, which adds a traceback.)
local src = "return "
for i = 1, 300 do src = src .. "- " end
src = src .. "1"
print(pcall(load, src))
local ok = "return "
for i = 1, 51 do ok = ok .. "- " end
print(load(ok .. "1")())
