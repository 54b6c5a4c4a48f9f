-- deeply nested matching hits lua5.4's recursion limit: "pattern too complex"
local s = string.rep("a", 300)
print(pcall(string.match, s, string.rep("a?", 300) .. string.rep("a", 300)))
print(pcall(string.find, s, string.rep("(a)", 30)))
print(string.match(s, string.rep("a", 199)) == string.rep("a", 199))
