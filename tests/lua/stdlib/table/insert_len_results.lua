-- __len results: floats with integral values and numeric strings are accepted
local function mk(len) return setmetatable({}, {__len = function() return len end}) end
local t = mk(2.0); table.insert(t, "x"); print(rawget(t, 3))
t = mk("4"); table.insert(t, "y"); print(rawget(t, 5))
print(pcall(table.insert, mk(1.5), 1))
print(pcall(table.insert, mk("x"), 1))
print(pcall(table.insert, mk(nil), 1))
print(pcall(table.insert, mk({}), 1))
