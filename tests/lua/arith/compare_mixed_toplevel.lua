-- An uncaught comparison error.
local a, b = 10, "20"
if a < b then print("less") end
