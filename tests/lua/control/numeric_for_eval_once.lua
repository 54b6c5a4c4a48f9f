-- Start, limit and step are evaluated once, before the loop.
local calls = 0
local function lim() calls = calls + 1; return 3 end
local limit = 3
for i = 1, lim() do limit = 100 end
print(calls)
local n = 0
for i = 1, limit // 10 do n = n + 1 end
print(n)
