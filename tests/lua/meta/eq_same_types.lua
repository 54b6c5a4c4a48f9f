-- __eq is called only for two tables (or two userdata) that are not identical.
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1; return true end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, a ~= b, a == a, calls)
print(a == 1, a == "a", a == nil, calls)
