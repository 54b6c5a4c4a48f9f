-- Only the last expression expands to all its values.
local function three() return 1, 2, 3 end
local a, b, c, d = three()
print(a, b, c, d)
local e, f, g = three(), 10
print(e, f, g)
local h, i, j = 0, three()
print(h, i, j)
