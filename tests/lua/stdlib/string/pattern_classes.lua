-- pattern classes: %a %c %d %g %l %p %s %u %w %x and their complements, over all bytes
local classes = {"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}
local subject = ""
for i = 0, 255 do subject = subject .. string.char(i) end
for _, c in ipairs(classes) do
  local n1 = select(2, string.gsub(subject, "%" .. c, ""))
  local n2 = select(2, string.gsub(subject, "%" .. c:upper(), ""))
  print(c, n1, n2)
end
print(string.gsub("a.b-c", "%.", "!"))
print(string.gsub("a%b", "%%", "#"))
print(string.find("x]y", "]"))
