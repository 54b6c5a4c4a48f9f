-- searches over long subjects and patterns that backtrack (results checked, not timing)
local s = string.rep("ab", 5000) .. "c"
print(string.find(s, "c"), string.find(s, "abc"), string.find(s, "(ab)*c"))
print(string.find(s, "b+c"), #string.match(s, "^[ab]*"), string.find(s, "a.-c"))
print(select(2, string.gsub(s, "ab", "")), select(2, string.gsub(s, "", "")))
local words = 0
for _ in string.gmatch(string.rep("word ", 10000), "%a+") do words = words + 1 end
print(words)
print(string.find(string.rep("a", 1000), string.rep("a", 500) .. "b"))
print(#string.rep("abc", 10000, ", "), string.find(string.rep("x", 100000) .. "y", "y", 1, true))
