-- __len is used by '#' and its result is returned as is.
local t = setmetatable({1, 2, 3}, {__len = function(self) return 42 end})
print(#t, rawlen(t))
local u = setmetatable({}, {__len = function() return "not a number", 2 end})
print(#u)
local v = setmetatable({}, {__len = function(self, other) return select("#", self, other) end})
print(#v)
