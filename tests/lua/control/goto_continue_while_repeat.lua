-- goto continue in while and repeat loops.
local i = 0
while i < 6 do
  i = i + 1
  if i % 3 == 0 then goto continue end
  print("while", i)
  ::continue::
end
local j = 0
repeat
  j = j + 1
  if j == 2 then goto skip end
  print("repeat", j)
  ::skip::
until j >= 3
