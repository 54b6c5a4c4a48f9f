-- os.time's field checks: missing, not an integer, out of bounds
local cases = {
  {}, {year = 2000}, {year = 2000, month = 1}, {month = 1, day = 1},
  {year = 2000, month = 1, day = 1.5}, {year = 2000, month = "x", day = 1},
  {year = 2000, month = 1, day = 1, hour = "12:00"}, {year = 2000, month = 1, day = 1, min = {}},
  {year = 2000, month = 1, day = 1, sec = true}, {year = 2000, month = 1, day = 2^40},
  {year = 2^31 + 1900, month = 1, day = 1}, {year = -2^31 + 1899, month = 1, day = 1},
  {year = 2000, month = 2^31 + 1, day = 1}, {year = 2000, month = 1, day = 1, hour = -2^31 - 1},
  {year = 2000, month = 1, day = 1, sec = 2^31}, {year = 1e100, month = 1, day = 1},
  {year = 2000, month = 1, day = 1, hour = 0/0},
}
for i, c in ipairs(cases) do print(i, pcall(os.time, c)) end
print(pcall(os.time, 3))
print(pcall(os.time, "x"))
print(pcall(os.time, true))
