-- Positions the executor gives to errors raised around natives.
-- A native called in tail position still sees its caller as level 1 (lua5.4 runs a C
-- function's tail call before removing the caller's frame).
local function f() return setmetatable(setmetatable({}, {__metatable = 1}), {}) end
print(pcall(f))
-- Calling a non-function on behalf of a native (pcall/xpcall) gives no position.
print(pcall(nil))
print(xpcall(nil, function(m) return "H " .. m end))
