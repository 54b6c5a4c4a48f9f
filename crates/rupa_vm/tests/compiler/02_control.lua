-- Conditions, loops, goto and break.
local function cls(x)
  if x == nil then return 'nil'
  elseif x and not x then return 'never'
  elseif x == false then return 'false'
  elseif x > 10 then return 'big'
  elseif x >= 5 then return 'mid'
  else return 'small' end
end
print(cls(nil), cls(false), cls(20), cls(5), cls(1))
local a, b = nil, 3
print(a and b, a or b, b and a, b or a, not a, not b, a == nil, b ~= 3)
print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 'a' < 'b', 1 == 1.0)
local sum = 0
for i = 1, 10 do sum = sum + i end
print(sum)
for i = 10, 1, -3 do io = i end
print(io)
for i = 1, 0 do print('never') end
for i = 1.0, 2.0, 0.5 do print(i) end
local t = {}
for i = 1, 3 do t[i] = function() return i end end
print(t[1](), t[2](), t[3]())
local n = 0
while true do
  n = n + 1
  if n > 5 then break end
end
print(n)
repeat local z = n; n = n - 1 until z < 3
print(n)
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    print(i, j)
    ::continue::
  end
end
do
  local k = 0
  ::top::
  k = k + 1
  if k < 3 then goto top end
  print('k', k)
end
local fs = {}
local i = 1
repeat
  local j = i
  fs[i] = function() return j end
  i = i + 1
until j >= 3
print(fs[1](), fs[2](), fs[3]())
local r = {}
local idx = 0
while idx < 3 do
  idx = idx + 1
  local c = idx * 10
  r[idx] = function() return c end
end
print(r[1](), r[2](), r[3]())
