-- Numeric for with default and explicit steps.
local out = {}
for i = 1, 5 do out[#out + 1] = i end
for i = 10, 1, -3 do out[#out + 1] = i end
for i = 1, 0 do out[#out + 1] = "never" end
for i = 5, 5 do out[#out + 1] = i end
local s = ""
for _, v in ipairs(out) do s = s .. v .. " " end
print(s)
