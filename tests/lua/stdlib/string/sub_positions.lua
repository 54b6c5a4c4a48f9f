-- string.sub: every combination of positive, negative, zero and out-of-range positions
local s = "abcdef"
local idx = {-8, -6, -3, -1, 0, 1, 3, 6, 7, 100}
for _, i in ipairs(idx) do
  local row = i .. ":"
  for _, j in ipairs(idx) do
    row = row .. " [" .. s:sub(i, j) .. "]"
  end
  print(row)
end
print(s:sub(3))
print(s:sub(-2))
print(s:sub(0))
print(string.sub("abc", 2.0, "3"))
print(string.sub(12345, 2, 4))
print(string.sub("abc", 0x7fffffffffffffff))
print(string.sub("abc", -0x8000000000000000, 0x7fffffffffffffff))
print(string.sub("abc", 2, -0x8000000000000000) == "")
