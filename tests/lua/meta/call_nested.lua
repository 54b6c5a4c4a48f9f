-- A __call field that is itself a callable table.
local inner = setmetatable({}, {__call = function(self, outer, x) return "inner got " .. tostring(x) end})
local outer = setmetatable({}, {__call = inner})
print(outer(42))
