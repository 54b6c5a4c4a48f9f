-- "!*t" gives a table with every field, wday 1 = Sunday, yday from 1
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do io.write(k, "=", tostring(t[k]), " ") end
  print()
end
for _, t in ipairs{0, 86399, 951825600, 1000000000, -1, 4102444799, -62167219200} do
  show(os.date("!*t", t))
end
print(math.type(os.date("!*t", 0).year), type(os.date("!*t", 0).isdst))
