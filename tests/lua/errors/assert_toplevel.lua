-- An uncaught failed assertion.
local x = 1
assert(x == 2)
