-- Table keys use raw identity, never __eq.
local mt = {__eq = function() return true end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local t = {[a] = "a"}
print(a == b, t[a], t[b])
