-- An expression needing more than 255 registers.
local src = "f("
for i = 1, 300 do src = src .. i .. "," end
src = src .. "0)"
print(load(src))
