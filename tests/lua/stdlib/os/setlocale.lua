-- only the C locale exists; queries answer "C", unknown locales fail
print(os.setlocale())
print(os.setlocale(nil))
print(os.setlocale("C"), os.setlocale("POSIX"))
print(os.setlocale("xx_YY.nonexistent"))
for _, cat in ipairs{"all", "collate", "ctype", "monetary", "numeric", "time"} do
  print(cat, os.setlocale(nil, cat), os.setlocale("C", cat))
end
print(pcall(os.setlocale, "C", "bad"))
print(pcall(os.setlocale, nil, "ALL"))
print(pcall(os.setlocale, {}))
print(pcall(os.setlocale, "C", {}))
