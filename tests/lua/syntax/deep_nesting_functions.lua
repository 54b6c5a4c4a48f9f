-- Deeply nested function bodies.
local src = ""
for i = 1, 300 do src = src .. "function f() " end
for i = 1, 300 do src = src .. "end " end
print(load(src))
