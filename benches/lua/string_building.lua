-- String building: concatenation with `..` in loops (short strings, numbers converted to
-- strings, a growing buffer) and collecting pieces in a table joined by a Lua-written join.

-- Pairwise join: concatenates neighbours until one string is left, so the total copying
-- is n log n rather than n^2.
local function join(pieces, n, sep)
  if n == 0 then return "" end
  local parts, count = {}, n
  for i = 1, n do parts[i] = pieces[i] end
  while count > 1 do
    local out = 0
    for i = 1, count - 1, 2 do
      out = out + 1
      parts[out] = parts[i] .. sep .. parts[i + 1]
    end
    if count % 2 == 1 then
      out = out + 1
      parts[out] = parts[count]
    end
    for i = out + 1, count do parts[i] = nil end
    count = out
  end
  return parts[1]
end

-- Without the string library only lengths can be hashed; samples of the strings are printed.
local function hash_add(h, n) return (h * 31 + n) & 0xffffffff end

local h = 0
local total_len = 0

-- 1. many short concatenations of strings and numbers (integers and floats)
local last
for i = 1, 400000 do
  local s = "item" .. i .. ":" .. (i * 3) .. ";" .. (i / 4)
  total_len = total_len + #s
  h = hash_add(h, #s)
  last = s
end

-- 2. a growing buffer with `..` (quadratic, so kept short)
local buf = ""
for i = 1, 6000 do
  buf = buf .. i .. ","
end
total_len = total_len + #buf
h = hash_add(h, #buf)

-- 3. pieces in a table, joined by our own join
for round = 1, 30 do
  local pieces = {}
  for i = 1, 10000 do pieces[i] = "k" .. round .. "_" .. i end
  local s = join(pieces, 10000, ", ")
  total_len = total_len + #s
  h = hash_add(h, #s)
end

-- the join must agree with plain `..`
local direct = ""
for i = 1, 9 do direct = direct .. "p" .. i .. (i < 9 and "-" or "") end
local pieces = {}
for i = 1, 9 do pieces[i] = "p" .. i end
local small = join(pieces, 9, "-")
if small ~= direct then error("join mismatch") end

print("total_len=" .. total_len .. " hash=" .. h)
print("last=" .. last .. " small=" .. small)
