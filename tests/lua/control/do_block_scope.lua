-- do blocks limit local scope; shadowing.
local x = 1
do
  local x = 2
  print(x)
  do local x = x + 1; print(x) end
  print(x)
end
print(x)
