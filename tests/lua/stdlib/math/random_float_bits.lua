-- math.random() floats for fixed seeds: 53 bits, as 5.4 builds them
for _, seed in ipairs({0, 1, 123456789, -1}) do
  math.randomseed(seed)
  print(seed, math.random(), math.random(), math.random())
end
math.randomseed(99)
local sum = 0
for i = 1, 1000 do sum = sum + math.random(1000) end
print(sum)
