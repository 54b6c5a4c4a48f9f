-- A long chain of unary operators.
local src = "return "
for i = 1, 300 do src = src .. "- " end
src = src .. "1"
print(load(src))
local ok = "return "
for i = 1, 51 do ok = ok .. "- " end
print(load(ok .. "1")())
