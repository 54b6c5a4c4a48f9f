-- string.format integer conversions: %d %i %u %o %x %X with flags, width, precision
local vals = {0, 1, -1, 42, -42, 255, 0x7fffffffffffffff, -0x8000000000000000, 3.0, "17"}
local forms = {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%x", "%X", "%#x", "%o", "%#o", "%u", "%#10.4X"}
for _, f in ipairs(forms) do
  local line = f .. ":"
  for _, v in ipairs(vals) do line = line .. " " .. string.format(f, v) end
  print(line)
end
