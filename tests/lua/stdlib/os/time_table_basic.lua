-- os.time with a table: default hour 12, min and sec 0; agrees with os.date
local function utc_offset(t)
  local l = os.date("*t", t)
  l.isdst = false
  return os.time(l) - t
end
local off = utc_offset(0)
for _, d in ipairs{{2000, 1, 1}, {1970, 1, 1}, {2024, 2, 29}, {1999, 12, 31}, {2038, 1, 19}, {1900, 3, 1}} do
  local t = os.time{year = d[1], month = d[2], day = d[3]}
  print(d[1], d[2], d[3], t + off, os.date("%Y-%m-%d %H:%M:%S", t))
end
print(os.time{year = 2000, month = 1, day = 1, hour = 0, min = 0, sec = 0} + off)
print(math.type(os.time{year = 2000, month = 1, day = 1}))
