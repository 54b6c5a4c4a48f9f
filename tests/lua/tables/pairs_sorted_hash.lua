-- Hash keys visited by pairs, sorted for a deterministic print.
local function sort(a)
  for i = 2, #a do
    local v, j = a[i], i - 1
    while j >= 1 and a[j] > v do a[j + 1] = a[j]; j = j - 1 end
    a[j + 1] = v
  end
  return a
end
local t = {x = 1, y = 2, z = 3, alpha = 4, beta = 5}
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
sort(keys)
for _, k in ipairs(keys) do print(k, t[k]) end
