local function f(...) return select('#', ...), ... end
print(f())
print(f(nil, nil))
print((f(1, 2, 3)))
local function g(a, b, ...) local t = {...} return a, b, #t end
print(g(1))
print(g(1, 2, 3, 4, 5))
local function count(n, acc) if n == 0 then return acc end return count(n - 1, acc + 1) end
print(count(100000, 0))
local function multi() return 1, 2, 3 end
local t = {multi(), multi()}
print(#t, t[4])
print(multi(), (multi()))
print(select(2, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
local obj = {n = 5}
function obj:get(k) return self.n + k end
print(obj:get(10), obj.get(obj, 1))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local function va(...) local a, b = ... return a, b, ... end
print(va(1, 2, 3))
print(pcall(va, "x"))
