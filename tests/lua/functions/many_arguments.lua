-- Calls with many arguments and many results.
local function many(...) return select("#", ...) end
local src = "return many("
for i = 1, 200 do src = src .. i .. (i < 200 and "," or ")") end
print(load(src, "c", "t", {many = many})())
local function rets(n) if n == 0 then return end return n, rets(n - 1) end
print(select("#", rets(150)))
