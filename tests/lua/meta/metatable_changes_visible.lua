-- Changes to a metatable after setmetatable take effect.
local mt = {}
local t = setmetatable({}, mt)
print(t.x)
mt.__index = {x = "now present"}
print(t.x)
mt.__index = nil
print(t.x)
mt.__len = function() return 7 end
print(#t)
