-- Parentheses truncate a multiple result to one value.
local function two() return "a", "b" end
local x, y = (two())
print(x, y)
