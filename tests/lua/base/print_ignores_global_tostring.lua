-- print does not call the global tostring.
local real = tostring
tostring = function() return "replaced" end
print(1, "a", nil)
tostring = real
print(tostring(1))
