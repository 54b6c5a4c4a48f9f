-- Metamethods of idiv and mod are called even for zero divisors.
local t = setmetatable({}, {__idiv = function(a, b) return "idiv " .. tostring(b) end,
                            __mod = function(a, b) return "mod " .. tostring(b) end})
print(t // 0, t % 0, t // 0.0)
