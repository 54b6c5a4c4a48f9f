-- A generator producing Fibonacci numbers.
local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do coroutine.yield(a); a, b = b, a + b end
end)
local out = {}
for i = 1, 15 do out[i] = fib() end
local s = ""
for i = 1, #out do s = s .. out[i] .. " " end
print(s)
