-- ISO 8601 weeks (%V %G %g) and Sunday/Monday weeks (%U %W) around each new year
for y = 1999, 2030 do
  local parts = {}
  for _, d in ipairs{-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7} do
    local t = os.time{year = y, month = 1, day = 1, hour = 0} + d * 86400
    parts[#parts + 1] = os.date("!%m%d:%V/%G/%g/%U/%W/%u/%w/%j", t)
  end
  print(y, table.concat(parts, " "))
end
