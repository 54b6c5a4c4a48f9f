-- table.sort without a comparator makes the same comparisons as with `function(a, b) return
-- a < b end`: same order for ties (1 and 1.0 are told apart by math.type), the same "invalid
-- order function" errors with NaNs, and the same half-sorted table when that error stops it.
local seed = 99
local function rand(n)
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n
end
local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    local x, y = a[i], b[i]
    if x ~= x then
      if y == y then return false end
    elseif not rawequal(x, y) or math.type(x) ~= math.type(y) then
      return false
    end
  end
  return true
end
local function copy(t) local c = {} for i = 1, #t do c[i] = t[i] end return c end
local lt = function(a, b) return a < b end
local agree, errors, sorted = 0, 0, 0
for round = 1, 300 do
  local n = 2 + rand(90)
  local t = {}
  for i = 1, n do
    local r = rand(10)
    if round % 3 == 0 then
      t[i] = "k" .. rand(20)
    elseif r < 3 then
      t[i] = rand(15) + 0.0
    elseif r == 3 and round % 5 == 0 then
      t[i] = 0 / 0
    else
      t[i] = rand(15)
    end
  end
  local a, b = copy(t), copy(t)
  local ok1, e1 = pcall(table.sort, a)
  local ok2, e2 = pcall(table.sort, b, lt)
  if ok1 == ok2 and same(a, b) and (ok1 or e1 == e2) then agree = agree + 1 end
  if not ok1 then errors = errors + 1 end
  local ordered = ok1
  for i = 2, #a do if ok1 and a[i] < a[i - 1] then ordered = false end end
  if ordered then sorted = sorted + 1 end
end
print(agree, errors, sorted)
print(pcall(table.sort, {3, 1, 0 / 0, 2, 0 / 0, 5, 4, 0 / 0, 9, 8}))
