-- isdst in the table: nil and false agree; true in a zone without summer time shifts an hour
local base = {year = 2000, month = 1, day = 1, hour = 0}
local function with(isdst)
  local t = {year = base.year, month = base.month, day = base.day, hour = base.hour, isdst = isdst}
  local r = os.time(t)
  return r, t.isdst, t.hour, t.day
end
local n = with(nil)
local f = with(false)
local tr = with(true)
print(n == f, n - tr, select(2, with(true)))
print(select(2, with(nil)), select(2, with(false)), select(2, with(1)))
