-- A forward goto skips statements in the same block.
do
  goto skip
  print("skipped")
  ::skip::
  print("reached")
end
do
  local n = 0
  goto l1
  ::l2:: n = n + 10
  goto l3
  ::l1:: n = n + 1
  goto l2
  ::l3::
  print(n)
end
