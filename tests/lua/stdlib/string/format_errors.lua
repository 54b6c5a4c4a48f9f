-- string.format errors: missing values, bad conversions, bad specs, wrong argument types
local cases = {
  {"%d"}, {"%d", "x"}, {"%d", 1.5}, {"%d", {}}, {"%x", "1e100"}, {"%f", "abc"}, {"%c", "x"},
  {"%y", 1}, {"%", 1}, {"%5", 1}, {"%-", 1}, {"%#d", 1}, {"%+x", 1}, {"% u", 1}, {"%+c", 65},
  {"%.3c", 65}, {"%#s", "x"}, {"%0s", "x"}, {"%100d", 1}, {"%.100f", 1}, {"%1.2.3f", 1},
  {"%-+ #0-+ #0-+ #0-+ #0d", 1}, {"%00000000000000000000d", 1}, {"%5.5", 1}, {"%i %i", 1},
  {"%s %s", "a"}, {"%5.2s", "a\0b"}, {"%5.2p", {}}, {"%#p", {}}, {"%.3p", 1}, {"%ld", 1},
  {"%lld", 1}, {"%hd", 1}, {"%n", 1}, {"%F", 1.0}, {"%b", 1}, {"%q", print},
}
for _, c in ipairs(cases) do
  print(c[1], pcall(string.format, c[1], c[2]))
end
print(pcall(string.format))
print(pcall(string.format, {}))
print(pcall(function() local r = ("%d"):format("z") return r end))
