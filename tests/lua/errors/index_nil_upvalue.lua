-- Indexing a nil upvalue names it.
local up
local function f() return up.x end
print(pcall(f))
local function g() up[1] = 0 end
g()
