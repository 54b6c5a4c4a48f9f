-- string.format float conversions: %f %e %E %g %G with flags, width, precision
local vals = {0.0, -0.0, 1.5, -1.5, 3.14159265358979, 1e100, 1e-10, 123456789.0, 7, 0.5, 2.5, 1/0, -1/0}
local forms = {"%f", "%.2f", "%10.3f", "%-10.1f|", "%+.1f", "% f", "%010.2f", "%e", "%.0e", "%E", "%g", "%.3g", "%10g", "%#g", "%G", "%.0f", "%#.0f", "%.14g"}
for _, f in ipairs(forms) do
  local line = f .. ":"
  for _, v in ipairs(vals) do line = line .. " " .. string.format(f, v) end
  print(line)
end
print(string.format("%5.1f|%-8.3e|%+g", "2.25", "1e3", "-0.0001"))
print(string.format("%.99f", 1/3) == string.format("%.99f", 1/3))
print(#string.format("%99.99f", -1e308))
