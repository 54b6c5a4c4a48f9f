-- A call on a new line is still a call in 5.4 (no ambiguity error).
local function f(x) return function() return "called with " .. tostring(x) end end
local r = f
(1)()
print(r)
