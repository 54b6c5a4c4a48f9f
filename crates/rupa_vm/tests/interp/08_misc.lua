local t = {}
for i = 1, 10 do t[i] = i * i end
local s = 0
for i, v in next, t do s = s + v end
print(s)
local function range(n)
  return function(_, i) if i < n then return i + 1 end end, nil, 0
end
for i in range(3) do print("r", i) end
local big = {}
for i = 1, 1000 do big[#big + 1] = i end
print(#big)
local str = ""
for i = 1, 10 do str = str .. i end
print(str)
print(2^63 == nil, 9007199254740993 < 9007199254740992.0)
print(10 // 3.0, 10 % 3.5, -10 % 3, 5 // -2.0, 1/0, -1/0)
print(9223372036854775807 + 1 == -9223372036854775808)
