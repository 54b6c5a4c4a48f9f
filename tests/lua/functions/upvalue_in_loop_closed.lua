-- Closing upvalues at loop end keeps each iteration's value.
local fs = {}
local i = 1
while i <= 3 do
  local captured = i
  fs[i] = function() captured = captured * 2; return captured end
  i = i + 1
end
print(fs[1](), fs[1](), fs[2](), fs[3]())
