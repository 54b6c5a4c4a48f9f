-- A function may capture at most 255 upvalues.
local src = ""
for i = 1, 130 do src = src .. "local a" .. i .. " = " .. i .. "\n" end
src = src .. "local function mid()\n"
for i = 131, 260 do src = src .. "local a" .. i .. " = " .. i .. "\n" end
src = src .. "return function() return 0"
for i = 1, 260 do src = src .. "+a" .. i end
src = src .. " end end"
print(load(src))
