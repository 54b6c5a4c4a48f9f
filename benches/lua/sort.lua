-- Sorting: pure-Lua quicksort and heap sort of 300k numbers from a deterministic LCG
-- (integers and floats), then a checksum of the sorted order.
local N = 300000

local seed = 42
local function lcg()
  -- 48-bit LCG on integers; the high bits are the best ones
  seed = (seed * 25214903917 + 11) & 0xffffffffffff
  return seed >> 16
end

local function quicksort(a, lo, hi)
  while lo < hi do
    if hi - lo < 16 then
      -- insertion sort for short ranges
      for i = lo + 1, hi do
        local v = a[i]
        local j = i - 1
        while j >= lo and a[j] > v do
          a[j + 1] = a[j]
          j = j - 1
        end
        a[j + 1] = v
      end
      return
    end
    -- median of three as pivot
    local mid = (lo + hi) // 2
    if a[mid] < a[lo] then a[mid], a[lo] = a[lo], a[mid] end
    if a[hi] < a[lo] then a[hi], a[lo] = a[lo], a[hi] end
    if a[hi] < a[mid] then a[hi], a[mid] = a[mid], a[hi] end
    local pivot = a[mid]
    local i, j = lo, hi
    while i <= j do
      while a[i] < pivot do i = i + 1 end
      while a[j] > pivot do j = j - 1 end
      if i <= j then
        a[i], a[j] = a[j], a[i]
        i = i + 1
        j = j - 1
      end
    end
    -- recurse on the smaller side, loop on the larger one
    if j - lo < hi - i then
      quicksort(a, lo, j)
      lo = i
    else
      quicksort(a, i, hi)
      hi = j
    end
  end
end

local function heapsort(a, n)
  local function sift(start, stop)
    local root = start
    while true do
      local child = 2 * root
      if child > stop then return end
      if child < stop and a[child] < a[child + 1] then child = child + 1 end
      if a[root] < a[child] then
        a[root], a[child] = a[child], a[root]
        root = child
      else
        return
      end
    end
  end
  for start = n // 2, 1, -1 do sift(start, n) end
  for stop = n, 2, -1 do
    a[1], a[stop] = a[stop], a[1]
    sift(1, stop - 1)
  end
end

local function checksum(a, n)
  for i = 2, n do
    if a[i - 1] > a[i] then error("not sorted at " .. i) end
  end
  local h = 0
  for i = 1, n, 7 do
    h = (h * 31 + (a[i] // 1)) & 0xffffffff
  end
  return h
end

local ints = {}
for i = 1, N do ints[i] = lcg() % 1000000 end
quicksort(ints, 1, N)
print("quicksort ints: " .. checksum(ints, N) .. " min=" .. ints[1] .. " max=" .. ints[N])

local floats = {}
for i = 1, N do floats[i] = lcg() / 4096.0 end
heapsort(floats, N)
print("heapsort floats: " .. checksum(floats, N) .. " min=" .. floats[1] .. " max=" .. floats[N])
