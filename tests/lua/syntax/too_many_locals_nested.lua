-- The local limit is per function: a nested function reports its own line.
local src = "local x = 1\nlocal function f()\n"
for i = 1, 201 do src = src .. "local v" .. i .. " = " .. i .. "\n" end
src = src .. "end"
print(load(src))
