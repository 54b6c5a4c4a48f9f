-- Non-tail recursion a few thousand levels deep is fine.
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(sum(10000))
local function depth(n) if n == 0 then return 0 end local d = depth(n - 1) return d + 1 end
print(depth(50000))
