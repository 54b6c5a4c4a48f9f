-- out-of-range fields are carried like C's mktime, and the table is rewritten
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do io.write(k, "=", tostring(t[k]), " ") end
  print()
end
local cases = {
  {year = 2000, month = 13, day = 1},
  {year = 2000, month = 0, day = 1},
  {year = 2000, month = -25, day = 1},
  {year = 2000, month = 3, day = 0},
  {year = 2001, month = 3, day = 0},
  {year = 2000, month = 1, day = 366},
  {year = 2000, month = 1, day = -40},
  {year = 2000, month = 1, day = 1, hour = 25, min = 70, sec = -5},
  {year = 2000, month = 1, day = 1, hour = -1},
  {year = 2000, month = 1, day = 1, sec = 86400 * 365},
  {year = 2000, month = 1, day = 1, min = -1000000},
  {year = 2000, month = 13, day = -40, hour = 25, min = 70, sec = -5},
  {year = "2000", month = "2", day = 3.0},
}
for _, c in ipairs(cases) do
  local t = os.time(c)
  io.write(tostring(t == os.time(c)), " ")
  show(c)
end
