-- A long right-associative '..' chain still compiles.
local src = "return 'a'"
for i = 1, 150 do src = src .. " .. 'b'" end
local f, err = load(src)
print(f and #f() or err)
