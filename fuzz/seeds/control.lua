local t = {}
for i = 1, 10 do t[#t + 1] = i end
for i = 10, 1, -3 do t[#t + 1] = i end
for i = 1.0, 2.0, 0.25 do t[#t + 1] = i end
local n = 0
while n < 5 do n = n + 1 if n == 3 then break end end
repeat local z = n; n = n - 1 until z < 2
for k, v in pairs({ a = 1, b = 2 }) do t[#t + 1] = k end
for i, v in ipairs({ 1, 2, nil, 4 }) do t[#t + 1] = v end
do
  goto skip
  t = nil
  ::skip::
end
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    t[#t + 1] = i * j
    ::continue::
  end
end
if #t > 100 then print("big") elseif #t > 10 then print("medium", #t) else print("small") end
