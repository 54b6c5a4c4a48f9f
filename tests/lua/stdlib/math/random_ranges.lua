-- unseeded math.random stays inside its intervals and gives floats in [0, 1)
local ok = true
for i = 1, 2000 do
  local f = math.random()
  if not (f >= 0 and f < 1 and math.type(f) == "float") then ok = false end
  local a = math.random(6)
  if not (a >= 1 and a <= 6 and math.type(a) == "integer") then ok = false end
  local b = math.random(-3, 3)
  if b < -3 or b > 3 then ok = false end
  local c = math.random(math.maxinteger - 1, math.maxinteger)
  if c < math.maxinteger - 1 then ok = false end
end
print(ok)
local seen = {}
for i = 1, 200 do seen[math.random(4)] = true end
print(seen[1], seen[2], seen[3], seen[4], seen[5], seen[0])
print(math.type(math.random(0)))
local a, b = math.randomseed()
print(math.type(a), math.type(b))
