-- The right operand's metamethod is used when the left has none.
local mt = {__add = function(a, b) return "add " .. type(a) .. " " .. type(b) end,
            __sub = function(a, b) return "sub " .. tostring(a) .. " " .. type(b) end}
local t = setmetatable({}, mt)
print(1 + t, "x" + t, 2.5 - t, t + t)
