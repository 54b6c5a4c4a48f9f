-- setmetatable, getmetatable, __metatable protection.
local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt, getmetatable({}), getmetatable(1))
print(setmetatable(t, nil) == t, getmetatable(t))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print(type(select(2, pcall(setmetatable, {}, setmetatable({}, {__name = "N"})))))
print(pcall(setmetatable, setmetatable({}, {__name = "Named"}), 1))
local locked = setmetatable({}, {__metatable = "locked"})
print(getmetatable(locked))
print(pcall(setmetatable, locked, {}))
print(getmetatable(setmetatable({}, {__metatable = false})))
print(pcall(getmetatable))
print(type(select(2, pcall(setmetatable, {}, {}, 5))))
local function f() return setmetatable(setmetatable({}, {__metatable = 1}), {}) end
print(pcall(f))
