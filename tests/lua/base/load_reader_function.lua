-- load with a reader function called until it returns nil or "".
local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f(), i)
local j = 0
local g = load(function() j = j + 1; if j == 1 then return "return 'x'" end return "" end)
print(g(), j)
