-- concat of many pieces and long separators
local t = {}
for i = 1, 10000 do t[i] = i % 10 end
local s = table.concat(t)
print(#s, #table.concat(t, ",", 9990))
local u = {}
for i = 1, 100 do u[i] = "x" end
print(#table.concat(u, "----"), #table.concat(u, "", 50), #table.concat(u, "ab", 1, 1))
