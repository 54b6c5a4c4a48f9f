-- math.randomseed(n) gives lua5.4's sequence
print(math.randomseed(42))
local r = {}
for i = 1, 10 do r[i] = math.random(1, 100) end
print(table.concat(r, " "))
print(math.random(0), math.random(0))
print(math.random(), math.random())
print(math.random(10), math.random(1000000))
print(math.random(-10, 10), math.random(math.mininteger, math.maxinteger))
print(math.random(math.mininteger, -1), math.random(0, math.maxinteger))
print(math.random(5, 5), math.random(-3, -3))
print(math.randomseed(7, 3))
print(math.random(1, 6), math.random(1, 6), math.random(1, 6), math.random(1, 6))
print(math.randomseed(-1))
print(math.random(0), math.random(1 << 40), math.random(3, 1 << 62))
print(math.randomseed("12"))
print(math.random(100), math.random(7), math.random(2^31))
print(math.randomseed(0, -5))
print(math.random(0))
