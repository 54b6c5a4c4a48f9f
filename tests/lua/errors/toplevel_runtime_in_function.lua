-- A runtime error deep in a call chain.
local function c(t) return t.x.y end
local function b(t) return c(t) end
local function a() return b({}) end
print(a())
