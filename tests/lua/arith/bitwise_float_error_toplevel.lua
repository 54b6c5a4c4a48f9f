-- A bitwise operation on a non-integral float as the file's last statement.
local x = 2.5
print(x & 1)
