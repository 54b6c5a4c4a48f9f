-- Callable objects as methods and through pcall.
local callable = setmetatable({}, {__call = function(self, recv, x) return x * 2 end})
local obj = {double = callable}
print(obj:double(21), pcall(callable, nil, 5))
