-- Deeply nested table constructors.
-- (load runs under pcall: the "C stack overflow" error would otherwise reach
-- the standalone interpreter's message handler, which adds a traceback.)
local src = "return "
for i = 1, 300 do src = src .. "{" end
for i = 1, 300 do src = src .. "}" end
print(pcall(load, src))
