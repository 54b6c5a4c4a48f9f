-- An uncaught arithmetic error on a string constant.
local n = 1
print(n + "abc")
