-- A top-level file with a goto to a missing label.
for i = 1, 3 do
  goto continue
end
