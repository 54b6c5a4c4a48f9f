-- The goto continue idiom.
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  print(i)
  ::continue::
end
