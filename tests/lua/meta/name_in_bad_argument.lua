-- __name appears in 'bad argument' messages.
local t = setmetatable({}, {__name = "MyType"})
print(pcall(select, t))
print(pcall(select, setmetatable({}, {__name = 42})))
print(pcall(setmetatable, t, 5))
print(pcall(function() for i = t, 2 do end end))
