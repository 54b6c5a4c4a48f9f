-- format over a grid of specifiers and values (each through pcall: results or errors)
local values = {0, -7, 42, 3.5, -0.25, 1e10, "12", "x", true}
local specs = {"%d", "%5d", "%-5d|", "%05.2d", "%x", "%#o", "%c", "%e", "%.2f", "%10.4g", "%a",
  "%s", "%8s|", "%-8.2s|", "%q", "%i", "%u", "%G", "%+.1e"}
for _, f in ipairs(specs) do
  local line = f .. ":"
  for _, v in ipairs(values) do
    local ok, res = pcall(string.format, f, v)
    line = line .. " " .. (ok and res or ("<" .. res .. ">"))
  end
  print(line)
end
