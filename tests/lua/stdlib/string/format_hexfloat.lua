-- string.format %a / %A hexadecimal floats
local vals = {0.0, -0.0, 1.0, 0.5, -2.75, 1e10, 1/3, 2^-1074, 1/0, -1/0, 255}
for _, f in ipairs({"%a", "%A", "%.3a", "%20a", "%-20a|", "%+a", "%#a", "%.0a", "%020a"}) do
  local line = f .. ":"
  for _, v in ipairs(vals) do line = line .. " " .. string.format(f, v) end
  print(line)
end
