-- A __call that is not callable.
local t = setmetatable({}, {__call = 42})
print(pcall(function() return t() end))
t()
