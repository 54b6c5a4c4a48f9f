-- the largest and smallest years C's struct tm holds, and results that overflow
print(pcall(os.time, {year = 2^31 + 1899, month = 1, day = 1, hour = 0}))
print(pcall(os.time, {year = 2^31 + 1899, month = 12, day = 31, hour = 23, min = 59, sec = 59}))
print(pcall(os.time, {year = 2^31 + 1899, month = 12, day = 32}))
print(pcall(os.time, {year = -2^31 + 1900, month = 1, day = 1, hour = 0}))
print(pcall(os.time, {year = -2^31 + 1900, month = 0, day = 1}))
print(pcall(os.date, "!%Y", 67768036191676800))
print(pcall(os.date, "!%Y", -67768040609740800))
print(pcall(os.date, "!%Y", -67768040609740801))
