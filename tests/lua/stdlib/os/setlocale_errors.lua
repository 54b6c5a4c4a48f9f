-- os.setlocale's argument errors: categories are checked by name, the locale must be a string.
print(pcall(os.setlocale, "C", "bogus"))
print(pcall(os.setlocale, "C", "ALL"))
print(pcall(os.setlocale, nil, ""))
print(pcall(os.setlocale, {}, "all"))
print(pcall(os.setlocale, "C", 1))
print(pcall(os.setlocale, "C", {}))
print(os.setlocale(1), os.setlocale(nil, nil))
