-- local time follows the host's time zone; here it is compared with UTC through *t fields
for _, t in ipairs{0, 1000000000, 1700000000, 1720000000} do
  local l, u = os.date("*t", t), os.date("!*t", t)
  local diff = ((l.day - u.day) * 24 + (l.hour - u.hour)) * 60 + (l.min - u.min)
  print(t, l.year, l.month, l.day, l.hour, l.min, l.isdst, diff,
        os.time(l) == t, os.date("%z", t), os.date("%Z", t))
end
