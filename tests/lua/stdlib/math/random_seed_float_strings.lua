-- randomseed with integral floats and numeric strings gives the same sequences as integers
math.randomseed(5.0)
local a = {math.random(100), math.random(100), math.random(100)}
math.randomseed(5)
local b = {math.random(100), math.random(100), math.random(100)}
math.randomseed("5")
local c = {math.random(100), math.random(100), math.random(100)}
print(table.concat(a, ","), table.concat(b, ","), table.concat(c, ","))
print(math.randomseed(2^53))
print(math.random(0))
print(math.randomseed(math.mininteger, math.maxinteger))
print(math.random(0), math.random(1, 2), math.random())
