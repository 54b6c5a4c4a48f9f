-- A top-level file with an unexpected symbol.
print("never printed")
local t = {1, 2,, 3}
