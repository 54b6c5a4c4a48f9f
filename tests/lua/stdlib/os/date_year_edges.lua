-- years near 0, negative years and five-digit years: %Y %C %y %G %g unpadded/wrapped as glibc
for _, y in ipairs{5, 50, 99, 100, 150, 999, 1000, 1969, 1970, 9999, 10000, 12345,
                   0, -1, -50, -99, -100, -101, -150, -1000} do
  for _, m in ipairs{1, 6, 12} do
    local t = os.time{year = y, month = m, day = 1, hour = 0}
    io.write(os.date("!%Y|%C|%y|%G|%g|%V|%F|%D  ", t))
  end
  print()
end
