-- The xpcall handler receives the original error value.
local e = {}
print(xpcall(function() error(e) end, function(m) return m == e end))
print(xpcall(function() error("str") end, function(m) return "handled: " .. m end))
print(xpcall(function() local x = nil; return x.y end, function(m) return m end))
