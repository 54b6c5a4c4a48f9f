-- goto out of nested loops.
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then
      print("found", i, j)
      goto out
    end
  end
end
::out::
print("after")
