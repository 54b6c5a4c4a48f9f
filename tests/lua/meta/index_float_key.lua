-- The key passed to __index is the original key value.
local t = setmetatable({}, {__index = function(_, k) return tostring(k) end})
print(t[1], t[1.0], t[1.5], t[2^53], t["1"])
