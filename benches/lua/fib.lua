-- Recursive Fibonacci (fib(36): fib(32) is too short to time): Lua-to-Lua call overhead.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local n = 36
print("fib(" .. n .. ") = " .. fib(n))
