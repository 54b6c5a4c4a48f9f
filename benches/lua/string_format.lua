-- string.format in a loop: integers, floats, strings, padding, hex and %q, plus
-- tostring of numbers. Prints a checksum of the lengths and of sampled results.
local sum = 0
local sample = {}
for i = 1, 200000 do
  local x = i * 1.25
  local s1 = string.format("%d: %5.2f %s", i, x, "item")
  local s2 = string.format("%-10s|%08x|%+d", "k" .. (i % 100), i, -i)
  local s3 = string.format("%g %e %.3f", x / 7, x, x / 3)
  local s4 = string.format("%q %5s %c", "a\nb" .. i, "ab", 65 + i % 26)
  sum = sum + #s1 + #s2 + #s3 + #s4 + #tostring(x) + #tostring(i)
  if i % 40000 == 0 then
    sample[#sample + 1] = s1 .. " / " .. s2 .. " / " .. s3 .. " / " .. s4
  end
end
print(sum)
for _, s in ipairs(sample) do print(s) end
