-- Error positions around natives: tail-called natives see their caller as level 1, and a
-- non-function called on behalf of a native (pcall, xpcall) gives a message with no position.
local locked = setmetatable({}, {__metatable = "locked"})
local function f() return setmetatable(locked, {}) end
print(pcall(f))
local function g() return error("tail error") end
print(pcall(g))
local function g2() return error("tail error 2", 2) end
local function g2caller() local r = g2() return r end
print(pcall(g2caller))
local function h() return rawequal(1) end
print(pcall(h))
local function k() return tostring() end
print(pcall(k))
local function k2() return select(0, 1) end
print(pcall(k2))
local function k3() return rawlen(5) end
print(pcall(k3))
local function k4() return setmetatable(1, {}) end
print(pcall(k4))
local function k5(t) return next(t, "nope") end
print(pcall(k5, {}))
print(pcall(nil))
print(pcall(1))
print(pcall({}))
print(pcall(pcall))
print(pcall(pcall, nil))
print(xpcall(nil, function(m) return "H " .. m end))
print(xpcall(42, function(m) return "H " .. m end))
print(xpcall(function() return error("in body") end, function(m) return "H " .. m end))
print(select("#", pcall(nil)))
local co = coroutine.wrap(function() return setmetatable(locked, {}) end)
print(pcall(co))
print(pcall(coroutine.wrap(function() local x = nil; return x() end)))
