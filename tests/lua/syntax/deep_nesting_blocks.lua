-- Deeply nested blocks hit the same limit.
local src = ""
for i = 1, 300 do src = src .. "do " end
for i = 1, 300 do src = src .. "end " end
print(load(src))
