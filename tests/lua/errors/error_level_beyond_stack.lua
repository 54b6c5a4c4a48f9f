-- A level pointing past the Lua frames adds no position.
local function f() error("far", 50) end
print(pcall(f))
