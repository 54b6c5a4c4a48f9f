-- Generic for variables are fresh per iteration.
local fs = {}
for i, v in ipairs({"x", "y", "z"}) do fs[i] = function() return i .. v end end
print(fs[1](), fs[2](), fs[3]())
