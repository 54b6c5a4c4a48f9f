-- Locals declared in a branch are not visible after it.
local y = "outer"
if true then local y = "inner"; print(y) end
print(y)
x_global = nil
if false then x_global = 1 else x_global = 2 end
print(x_global)
