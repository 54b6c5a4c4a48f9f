-- rawlen on tables and strings; other types are errors.
print(rawlen({1, 2, 3}), rawlen(""), rawlen("abc"), rawlen({n = 1}))
local t = setmetatable({1}, {__len = function() return 99 end})
print(#t, rawlen(t))
print(pcall(rawlen, 5))
print(pcall(rawlen))
