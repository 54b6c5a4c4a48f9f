-- already sorted, reversed, constant and organ-pipe inputs
local function check(t, f)
  table.sort(t, f)
  for i = 2, #t do
    if (f and f(t[i], t[i - 1])) or (not f and t[i] < t[i - 1]) then return "unsorted at " .. i end
  end
  return "ok " .. #t
end
local a, b, c, d = {}, {}, {}, {}
for i = 1, 1000 do a[i] = i; b[i] = 1001 - i; c[i] = 7; d[i] = i <= 500 and i or 1001 - i end
print(check(a), check(b), check(c), check(d))
local e = {}
for i = 1, 1000 do e[i] = i end
print(check(e, function(x, y) return x > y end), e[1], e[1000])
local f = {}
for i = 1, 300 do f[i] = (i * 7) % 13 + 0.5 * (i % 2) end
print(check(f))
