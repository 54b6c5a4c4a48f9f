-- __eq is not consulted when the types differ.
local called = false
local t = setmetatable({}, {__eq = function() called = true; return true end})
print(t == 1, 1 == t, t == "t", t == false, called)
