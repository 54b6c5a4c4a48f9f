-- Deeply nested blocks hit the same limit.
-- (load runs under pcall: the "C stack overflow" error would otherwise reach
-- the standalone interpreter's message handler, which adds a traceback.)
local src = ""
for i = 1, 300 do src = src .. "do " end
for i = 1, 300 do src = src .. "end " end
print(pcall(load, src))
