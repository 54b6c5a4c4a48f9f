-- __name replaces the type name in operator error messages.
local t = setmetatable({}, {__name = "MyType"})
print(pcall(function() return t + 1 end))
print(pcall(function() return #t .. t end))
print(pcall(function() return t < t end))
print(pcall(function() return t() end))
