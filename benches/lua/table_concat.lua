-- table.concat: joining many short strings and numbers, with and without a separator and
-- over sub-ranges, repeatedly. Prints a checksum of the result lengths and bytes.
local parts = {}
for i = 1, 100000 do
  parts[i] = (i % 3 == 0) and i or ("s" .. i)
end
local sum = 0
for round = 1, 20 do
  local a = table.concat(parts)
  local b = table.concat(parts, ", ")
  local c = table.concat(parts, "\n", 1000 + round, 90000)
  sum = sum + #a + #b + #c + a:byte(round) + b:byte(#b - round) + c:byte(round * 10)
end
-- many small concatenations (the common "build a line" use)
local small = { "x", "y", "z", 1, 2, 3 }
for i = 1, 300000 do
  small[4] = i
  sum = sum + #table.concat(small, "-")
end
print(sum)
