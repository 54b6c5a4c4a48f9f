-- os.clock is a float that does not go backwards; os.time() is an integer
local c1 = os.clock()
local x = 0
for i = 1, 100000 do x = x + i end
local c2 = os.clock()
print(math.type(c1), c1 >= 0, c2 >= c1)
print(math.type(os.time()), os.time() > 1600000000, os.time(nil) >= os.time() - 1)
print(os.date("!%Y", os.time()) + 0 >= 2024)
