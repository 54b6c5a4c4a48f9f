-- 'local f = function() ... f() end' refers to the global f.
local f = function(n) if n > 0 then return f(n - 1) end return "done" end
print(pcall(f, 1))
