-- ipairs stops at the first nil.
local t = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(t) do n = n + 1; print(i, v) end
print(n)
for i in ipairs({nil, 2}) do print("never") end
