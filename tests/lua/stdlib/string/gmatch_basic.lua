-- string.gmatch: words, captures, empty matches, anchors, init
for w in string.gmatch("one two  three", "%a+") do print(w) end
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do print(k, v) end
for p in string.gmatch("abc", "()") do print(p) end
for w in string.gmatch("abc", "%w*") do print("[" .. w .. "]") end
for w in string.gmatch("a,b,,c", "([^,]*)") do print("<" .. w .. ">") end
for w in string.gmatch("^a^b", "^.") do print(w) end
for w in string.gmatch("hello world from lua", "%a+", 7) do print(w) end
for w in string.gmatch("abc", ".", -1) do print(w) end
for w in string.gmatch("abc", ".", 10) do print("never", w) end
local it = string.gmatch("x1y2", "%d")
print(it(), it(), it(), it())
for a, b in string.gmatch("ab", "(a)(c?)") do print(a, "[" .. b .. "]") end
print(pcall(string.gmatch))
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, "abc", ".", "x"))
