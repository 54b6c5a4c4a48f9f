-- read("n") reads the longest numeral prefix: decimal, hex, exponents, and fails like lua5.4
local name = "/tmp/rupa_io_read_numbers"
local f = assert(io.open(name, "w"))
f:write("0x1p4 .5 -.5 1e 5. 1e+2 - 1 0x 99999999999999999999 +7 ",
        "0xffffffffffffffffff\t12 1E5 0X1P-1 .e1 0.5e-3 12abc 3.0 -0 --1 0x.8 9223372036854775807 ",
        "9223372036854775808 -9223372036854775808 1..2 1e5e5")
f:close()
f = assert(io.open(name))
local out = {}
for i = 1, 34 do
  local v = f:read("n")
  out[#out + 1] = tostring(v) .. ":" .. tostring(math.type(v))
end
print(table.concat(out, " "))
f:close()
os.remove(name)
