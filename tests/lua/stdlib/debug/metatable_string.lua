-- The string metatable is shared by all strings and can be replaced.
local old = debug.getmetatable("")
print(old == debug.getmetatable("abc"))
print(getmetatable("x") == old)
local mt = {__index = function(s, k) return k .. "!" end, __len = function() return 42 end}
print(debug.setmetatable("any", mt))
print(("abc").hello, ("x").y)
print(debug.getmetatable("q") == mt)
print(#"abc")
debug.setmetatable("", old)
print(debug.getmetatable("") == old)
mt.__add = nil
local m3 = {__concat = function() return "cc" end}
debug.setmetatable("", m3)
print("a" .. "b")
debug.setmetatable("", old)
