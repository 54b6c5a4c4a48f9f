-- Conditions with and/or short-circuit inside loops.
local t = {1, 2, 3, nil, 5}
local i = 1
while t[i] and t[i] < 10 do i = i + 1 end
print(i)
local calls = 0
local function f() calls = calls + 1; return false end
while f() and error("not evaluated") do end
print(calls)
