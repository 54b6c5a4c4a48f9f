-- string.gsub with a table: first capture (or whole match) as key; false/nil keep the text
local t = {name = "Lua", version = 5.4, no = false, yes = true}
print(string.gsub("$name $version $missing $no", "%$(%w+)", t))
print(string.gsub("a b c", "%a", {a = 1, b = "B"}))
print(string.gsub("abc", "(b)(c)", {b = "X", c = "Y"}))
print(string.gsub("abc", "()", {[1] = "one", [3] = "three"}))
print(pcall(string.gsub, "$yes", "%$(%w+)", t))
print(pcall(string.gsub, "$t", "%$(%w+)", {t = {}}))
local calls = 0
local proxy = setmetatable({}, {__index = function(_, k) calls = calls + 1 return k:upper() end})
print(string.gsub("one two", "%a+", proxy))
print(calls)
local chain = setmetatable({}, {__index = setmetatable({x = "chained"}, {__index = function() return "deep" end})})
print(string.gsub("x y", "%a", chain))
print(pcall(string.gsub, "x", "x", setmetatable({}, {__index = 5})))
