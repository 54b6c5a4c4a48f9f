-- Calling non-function values is an error naming the value.
print(pcall(function() local x = 5; x() end))
print(pcall(function() undefined_fn() end))
print(pcall(function() local t = {}; t.f() end))
print(pcall(function() ("str")() end))
local t = {sub = {}}
t.sub.fn()
