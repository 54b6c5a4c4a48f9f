-- A local function captures itself as an upvalue.
local function countdown(n, acc)
  acc = acc or {}
  if n == 0 then return acc end
  acc[#acc + 1] = n
  return countdown(n - 1, acc)
end
local r = countdown(3)
print(#r, r[1], r[3])
