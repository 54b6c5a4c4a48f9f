local function f(...) local t = {...}; return f(...) end
local function g(n, ...) if n == 0 then return f(...) end return g(n - 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...) end
g(5000)
