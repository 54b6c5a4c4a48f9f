-- os.date and os.time at the integer limits fail cleanly
print(pcall(os.date, "!%c", math.maxinteger))
print(pcall(os.date, "!%c", math.mininteger))
print(pcall(os.date, "%c", math.maxinteger))
print(pcall(os.date, "*t", math.mininteger))
print(pcall(os.time, {year = 2^31 + 1899, month = 12, day = 31, hour = 23, min = 59, sec = 2^31 - 1}))
print(pcall(os.time, {year = -2^31 + 1900, month = 1, day = 1, sec = -2^31}))
