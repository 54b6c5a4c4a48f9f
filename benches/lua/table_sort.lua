-- table.sort: numbers and strings with the default order, then records and numbers with a
-- comparator function (ascending and descending). Prints checksums of the sorted orders.
local seed = 12345
local function rand()
  seed = (seed * 25214903917 + 11) & 0xffffffffffff
  return seed >> 16
end

local function checksum(a, key)
  local s = 0
  for i = 1, #a, 97 do
    local v = a[i]
    if key then v = v[key] end
    if type(v) == "string" then v = #v + v:byte(1) end
    s = (s * 31 + v) % 1000000007
  end
  return s
end

-- numbers, default order
local nums = {}
for i = 1, 200000 do nums[i] = rand() % 1000000 end
table.sort(nums)
print("ints", checksum(nums))

local floats = {}
for i = 1, 100000 do floats[i] = (rand() % 1000000) / 7 end
table.sort(floats)
print("floats", #floats, floats[1], floats[#floats])

-- strings, default order
local strs = {}
for i = 1, 100000 do strs[i] = "key" .. (rand() % 100000) end
table.sort(strs)
print("strings", checksum(strs))

-- with a comparator: descending numbers
local desc = {}
for i = 1, 100000 do desc[i] = rand() % 1000000 end
table.sort(desc, function(a, b) return a > b end)
print("desc", checksum(desc))

-- with a comparator: records by two keys
local recs = {}
for i = 1, 60000 do recs[i] = { a = rand() % 100, b = rand() % 100000 } end
table.sort(recs, function(x, y)
  if x.a ~= y.a then return x.a < y.a end
  return x.b < y.b
end)
print("records", checksum(recs, "b"))
