-- string.format %s calls __tostring (and uses __name); its errors propagate
local T = setmetatable({}, {__tostring = function() return "T!" end})
print(string.format("[%s] [%5s] [%-5s] [%.1s]", T, T, T, T))
local N = setmetatable({}, {__tostring = function() return 42 end})
print(string.format("%s", N))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() return true end})))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() error("tostring failed") end})))
print(pcall(string.format, "%5s", setmetatable({}, {__tostring = function() return "a\0b" end})))
local named = string.format("%s", setmetatable({}, {__name = "MyType"}))
print(named:match("^MyType: ") ~= nil)
local count = 0
local C = setmetatable({}, {__tostring = function() count = count + 1 return "c" .. count end})
print(string.format("%s %d %s %s", C, 5, C, "x"), count)
print(string.format("%s", setmetatable({}, {__tostring = function(self) return string.format("%s+%s", "in", "ner") end})))
