-- while loop locals captured by closures are per-iteration.
local fs = {}
local i = 1
while i <= 3 do
  local v = i * i
  fs[i] = function() v = v + 1; return v end
  i = i + 1
end
print(fs[1](), fs[1](), fs[2](), fs[3]())
