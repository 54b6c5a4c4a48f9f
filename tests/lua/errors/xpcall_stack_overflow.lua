-- The handler sees a stack overflow error.
local function r() return 1 + r() end
print(xpcall(r, function(m) return "H: " .. m end))
