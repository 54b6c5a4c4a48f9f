-- Each repeat iteration has a fresh local captured by closures.
local fs = {}
local i = 0
repeat
  local j = i
  fs[#fs + 1] = function() return j end
  i = i + 1
until j >= 2
print(fs[1](), fs[2](), fs[3]())
