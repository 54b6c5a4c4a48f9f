-- An error raised in a tail-called function: the message and the handler's traceback.
local function c() error("boom") end
local function d() return c() end
print(xpcall(d, debug.traceback))
print(pcall(d))
local function e() local t = nil; return t.x end
local function f() return e() end
print(xpcall(f, debug.traceback))
d()
