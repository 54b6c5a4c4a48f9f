-- tostring of tables differs per table and is stable per table (addresses are not printed).
local t = {}
local s = tostring(t)
print(type(s), s == tostring(t), s == tostring({}))
local named = setmetatable({}, {__name = "Point"})
print(tostring(named) == tostring(named), tostring(named) ~= tostring({}))
print(tostring(print) == tostring(print), tostring(print) ~= tostring(type))
