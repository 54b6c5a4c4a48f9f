-- A prime sieve built from a chain of coroutine filters.
local function gen(n)
  return coroutine.wrap(function() for i = 2, n do coroutine.yield(i) end end)
end
local function filter(p, g)
  return coroutine.wrap(function()
    for n in g do if n % p ~= 0 then coroutine.yield(n) end end
  end)
end
local primes, g = {}, gen(60)
while true do
  local p = g()
  if p == nil then break end
  primes[#primes + 1] = p
  g = filter(p, g)
end
local s = ""
for _, p in ipairs(primes) do s = s .. p .. " " end
print(s)
