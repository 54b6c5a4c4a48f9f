-- Error positions of natives called in tail position and of levels through tail calls.
local function lvl2() return error("two", 2) end
local function mid() return lvl2() end
local function top() local r = mid() return r end
print(pcall(top))
local function a() error("three", 3) end
local function b() a() end
local function c() b() end
print(pcall(c))
local function t1() return assert(false, "assert msg") end
print(pcall(t1))
local function t2() return assert(nil) end
print(pcall(t2))
local function t3() return ipairs() end
print(pcall(t3))
local t = setmetatable({}, {__index = function(t, k) return error("idx " .. k, 2) end})
local function t4() return t.foo end
print(pcall(t4))
local function t5(...) return select(-5, ...) end
print(pcall(t5, 1, 2))
print(pcall(function() return tonumber("10", 99) end))
print(pcall(function() return coroutine.resume(1) end))
print(pcall(function() return coroutine.wrap(1) end))
print(pcall(function() return getmetatable() end))
print(pcall(function() return load(1) end))
