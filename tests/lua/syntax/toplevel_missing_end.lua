-- A file whose syntax error is reported by the interpreter itself.
local x = 1
if x then
  print("never printed")
