-- __tostring is used by tostring and print.
local t = setmetatable({}, {__tostring = function(self) return "I am t" end})
print(t, tostring(t))
local n = setmetatable({}, {__tostring = function() return 42 end})
print(tostring(n), type(tostring(n)))
