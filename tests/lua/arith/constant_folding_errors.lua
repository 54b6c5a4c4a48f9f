-- Operations that would fail are not folded at compile time.
local f = load("return 1 // 0")
print(f ~= nil, pcall(f))
local g = load("return 1 % 0")
print(g ~= nil, pcall(g))
print(load("return 2^63 | 0") ~= nil)
