-- Deeply nested table constructors.
local src = "return "
for i = 1, 300 do src = src .. "{" end
for i = 1, 300 do src = src .. "}" end
print(load(src))
