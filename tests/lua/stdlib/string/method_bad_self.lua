-- string functions called as methods on non-strings: "calling 'f' on bad self", argument numbers shift
local obj = {upper = string.upper, rep = string.rep, sub = string.sub, format = string.format}
print(pcall(function() local r = obj:upper() return r end))
print(pcall(function() local r = obj:rep(2) return r end))
print(pcall(function() local r = ("x"):rep({}) return r end))
print(pcall(function() local r = ("x"):sub() return r end))
print(pcall(function() local r = ("x"):sub(1, {}) return r end))
print(pcall(function() local r = ("%d"):format({}) return r end))
print(pcall(function() local r = obj:format() return r end))
print(pcall(function() local n = 5 local r = n:rep(2) return r end))
