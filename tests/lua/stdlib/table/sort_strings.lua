-- strings sort by bytes (C locale), including embedded zeros and high bytes
local src = {"b", "a\0b", "a", "\xff", "A", "", "a\0a", "ab", "aa", "\x80", "Z", "0", " "}
local label = {}
for i, s in ipairs(src) do label[s] = i end
local t = {}
for i, s in ipairs(src) do t[i] = s end
table.sort(t)
local r = {}
for i, s in ipairs(t) do r[i] = label[s] end
print(table.concat(r, " "))
