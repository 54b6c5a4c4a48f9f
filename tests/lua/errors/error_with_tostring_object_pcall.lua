-- pcall returns error objects with __tostring unchanged.
local e = setmetatable({}, {__tostring = function() return "E!" end})
local ok, got = pcall(error, e)
print(ok, got == e, tostring(got))
