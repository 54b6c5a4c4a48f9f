-- the string library table backs the methods: changing string.* changes s:method()
local orig = string.upper
string.upper = function(s) return "patched " .. s end
print(("x"):upper())
string.upper = orig
print(("x"):upper())
local mt = getmetatable("")
mt.__index = function(s, k) return function() return "dynamic " .. k end end
print(("x"):anything())
mt.__index = string
print(("x"):rep(2))
print(string == getmetatable("").__index)
