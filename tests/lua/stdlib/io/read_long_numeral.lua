-- a numeral longer than 200 characters is not a number
local name = "/tmp/rupa_io_read_long_numeral"
local f = assert(io.open(name, "w"))
local digits = {}
for i = 1, 199 do digits[i] = "1" end
f:write(table.concat(digits), " ", table.concat(digits), "11 5")
f:close()
f = assert(io.open(name))
print(f:read("n"))
print(f:read("n"))
print(f:read("n"))
print(f:read("a"))
f:close()
os.remove(name)
