-- malformed patterns: lua5.4's messages, through find, match, gmatch and gsub
local pats = {"%", "[a", "[", "%b", "%ba", "%f", "%fa", "(", ")", "a)", "%1", "(a%1)", "(()", "[%", "[a-%"}
for _, p in ipairs(pats) do
  print(p, pcall(string.find, "abc", p))
end
print(pcall(string.match, "abc", "%g("))
print(pcall(string.gsub, "abc", "(", "x"))
print(pcall(string.gsub, "abc", "%", "x"))
print(pcall(function() for w in string.gmatch("abc", "[a") do end end))
print(pcall(string.find, "abc", "%1", 1, true))
print(pcall(string.match, "abc", "(((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))"))
