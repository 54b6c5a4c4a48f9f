-- os.date("!%c") for a spread of instants, including before the epoch
for _, t in ipairs{0, 1, 59, 3600, 86399, 86400, 951782400, 951868800, 1000000000,
                   1234567890, 2147483647, 2147483648, 4102444800, -1, -86400, -2208988800} do
  print(t, os.date("!%c", t))
end
